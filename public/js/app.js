// The little script there is (no inline handlers: CSP).
// - data-confirm on a submit button asks before a destructive action
// - data-print on a button opens the browser's print dialog
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
document.addEventListener('click', function (event) {
  var target = event.target;
  if (target && target.closest && target.closest('[data-print]')) {
    event.preventDefault();
    window.print();
  }
});
