// The suggestion details panel's only script (loaded under the page's Content-Security-Policy):
// each button posts its action; the extension validates the message before acting on it.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (button) vscode.postMessage({ type: button.getAttribute('data-action') });
  });
})();
