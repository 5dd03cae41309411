// A "Copy" button beside any element marked `data-copy-source`: the text is there to select
// without JavaScript; the button only saves the selecting.
for (const source of document.querySelectorAll<HTMLElement>('[data-copy-source]')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  const what = source.dataset.copySource;
  if (what) button.setAttribute('aria-label', `Copy ${what}`);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent ?? '');
      button.textContent = 'Copied';
    } catch {
      getSelection()?.selectAllChildren(source);
      button.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
  source.before(button);
}
