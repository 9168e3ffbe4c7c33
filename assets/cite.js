// The article page's "复制引文" button: copies the GB/T 7714 citation. The button is hidden in
// the HTML and shown here, so a reader without JavaScript never sees one that does nothing.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('.copy-status');
  if (!source) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = source.textContent.trim();
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = '已复制';
    } catch {
      // no clipboard (an http:// page, a refused permission): select the text for Ctrl+C
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      if (status) status.textContent = '已选中，请按 Ctrl+C 复制';
    }
  });
}
