// A "Copy" button beside any element marked `data-copy-source`: the text is there to select
// without JavaScript; the button only saves the selecting.
//
// A record card's BibTeX and CSL-JSON are not in the page (components/RecordCite.astro): its note
// `data-record-forms` gives way to a button per form: one copies the card's plain text, the others
// make their form from what the page's records share (the JSON of `RECORD_CITE_MODEL`) and the
// card's own id, heading and address, with the code the server writes the page's own forms with
// (cite-forms.ts), show it and copy it.
import { bibtex, cslJsonText, recordCitation, RECORD_CITE_MODEL, type Citation, type RecordCiteModel } from './cite-forms.ts';

/** Says what a button did where screen readers hear it: a button's new text is not announced. */
let status: HTMLElement | undefined;

function announce(text: string): void {
  if (!status) return;
  // Cleared first, so the same words said twice are said again.
  status.textContent = '';
  setTimeout(() => status && (status.textContent = text), 50);
}

function copyButton(label: string, what: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = label;
  button.setAttribute('aria-label', `Copy ${what}`);
  return button;
}

async function copy(button: HTMLButtonElement, label: string, source: HTMLElement, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(source.textContent ?? '');
    button.textContent = 'Copied';
    announce(`Copied ${what}`);
  } catch {
    getSelection()?.selectAllChildren(source);
    button.textContent = 'Selected: press Ctrl+C';
    announce(`Selected ${what}: press Ctrl+C to copy it`);
  }
  setTimeout(() => (button.textContent = label), 2000);
}

const sources = document.querySelectorAll<HTMLElement>('[data-copy-source]');
const modelJson = document.getElementById(RECORD_CITE_MODEL)?.textContent;
if (sources.length > 0 || modelJson) {
  status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  (document.querySelector('main') ?? document.body).append(status);
}

for (const source of sources) {
  const what = source.dataset.copySource ?? 'the text';
  const button = copyButton('Copy', what);
  button.addEventListener('click', () => void copy(button, 'Copy', source, what));
  source.before(button);
}

/** A record's forms the browser makes; its plain text is the card's, the paragraph before the note. */
const FORMS: [string, (c: Citation) => string][] = [
  ['BibTeX', bibtex],
  ['CSL-JSON', cslJsonText],
];

if (modelJson) {
  const model = JSON.parse(modelJson) as RecordCiteModel;
  for (const note of document.querySelectorAll<HTMLElement>('[data-record-forms]')) {
    const card = note.closest<HTMLElement>('[data-record]');
    const plain = note.previousElementSibling;
    if (!card?.dataset.record || !(plain instanceof HTMLElement)) continue;
    const record = {
      id: card.dataset.record,
      title: card.querySelector(':scope > h3')?.textContent ?? '',
      url: note.closest<HTMLElement>('[data-cite-url]')?.dataset.citeUrl,
    };
    const shown = document.createElement('pre');
    const code = shown.appendChild(document.createElement('code'));
    shown.hidden = true;
    note.replaceChildren('Copy as ');
    const plainWhat = "the record's citation as plain text";
    const plainButton = copyButton('Plain text', plainWhat);
    plainButton.addEventListener('click', () => void copy(plainButton, 'Plain text', plain, plainWhat));
    note.append(plainButton, ' ');
    for (const [label, form] of FORMS) {
      const what = `the record's citation as ${label}`;
      const button = copyButton(label, what);
      button.addEventListener('click', () => {
        code.textContent = form(recordCitation(model, record));
        shown.hidden = false;
        void copy(button, label, code, what);
      });
      note.append(button, ' ');
    }
    note.after(shown);
  }
}
