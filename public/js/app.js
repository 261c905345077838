// The little script there is (no inline handlers: CSP).
// - data-confirm on a submit button asks before a destructive action
// - data-print on a button opens the browser's print dialog
// - a form whose body would be over the server's limit is not sent (the text stays on the page)
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});

// FORM_BODY_LIMIT_BYTES in src/app.ts (a test keeps the two equal). A body over it would get the
// 413 page, and Back does not bring every field back, so the form stays where it is instead.
var FORM_BODY_LIMIT_BYTES = 2097152;
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (event.defaultPrevented || !form || form.method !== 'post' || form.enctype === 'multipart/form-data') return;
  var body = new window.URLSearchParams(new window.FormData(form, event.submitter)).toString();
  var lineBreaks = body.split('%0A').length - 1; // sent as %0D%0A
  if (body.length + 3 * lineBreaks <= FORM_BODY_LIMIT_BYTES) return;
  event.preventDefault();
  var longest = null;
  form.querySelectorAll('textarea, input[type="text"], input:not([type])').forEach(function (field) {
    if (!longest || field.value.length > longest.value.length) longest = field;
  });
  window.alert('入力された内容が多すぎるため、送信できません。入力した内容はこの画面に残っています。長い文章を各欄の文字数の上限に収まるよう短くしてから、もう一度保存してください。');
  if (longest) longest.focus();
});

document.addEventListener('click', function (event) {
  var target = event.target;
  if (target && target.closest && target.closest('[data-print]')) {
    event.preventDefault();
    window.print();
  }
});
