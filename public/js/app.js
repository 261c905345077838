// The little script there is (no inline handlers: CSP). Every page works without it.
// - data-confirm on a submit button asks before a destructive action
// - data-print on a button opens the browser's print dialog
// - choosing a person in a picker with data-petition-choices fills the form's petition list
//   (select[name=petition_id]) from that URL; without script 「選んだ本人で続ける」 does it
// - a link to a section that sits in a closed <details> (#history …) opens it
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

(function () {
  var asked = 0;
  function fill(select, options) {
    // keep the blank option (選択してください); the rest were the previous person's petitions
    for (var i = select.options.length - 1; i >= 0; i--) if (select.options[i].value !== '') select.remove(i);
    options.forEach(function (o) { select.add(new window.Option(o.label, String(o.value))); });
    select.value = '';
  }
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || input.name !== 'person_id' || input.type !== 'radio' || !input.closest) return;
    var picker = input.closest('[data-petition-choices]');
    var select = input.form && input.form.querySelector('select[name="petition_id"]');
    if (!picker || !select) return;
    var status = picker.querySelector('[data-petition-status]');
    var mine = ++asked;
    var url = picker.getAttribute('data-petition-choices') + '?person_id=' + encodeURIComponent(input.value);
    window.fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.json(); })
      .then(function (data) {
        if (mine !== asked) return; // another person was chosen meanwhile
        fill(select, data.options);
        if (status) {
          status.textContent = data.options.length
            ? status.getAttribute('data-some').replace('{n}', String(data.options.length))
            : status.getAttribute('data-none');
        }
      })
      .catch(function () {
        if (mine === asked && status) status.textContent = '市長申立ての一覧を読み込めませんでした。もう一度本人を選んでください。';
      });
  });
})();

(function () {
  function reveal() {
    var id = window.location.hash.slice(1);
    var target = id && document.getElementById(id);
    var details = target && target.querySelector && target.querySelector('details[data-opens-with]');
    if (details) details.open = true;
  }
  window.addEventListener('hashchange', reveal);
  document.addEventListener('DOMContentLoaded', reveal);
})();
