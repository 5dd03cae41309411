// The theme toggle button: light, dark, or following the system (no stored choice).
const KEY = 'driftwatch-theme';
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function current(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function label(): void {
  if (!button) return;
  const next = current() === 'dark' ? 'light' : 'dark';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
  button.textContent = next === 'dark' ? '☾' : '☀';
}

if (button) {
  button.hidden = false;
  label();
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private browsing without storage: the choice lasts for this page.
    }
    label();
  });
}
