// The little script there is (no inline handlers: CSP). Every page works without it.
// - data-confirm on a submit button asks before a destructive action
// - data-print on a button opens the browser's print dialog
// - choosing a person in a picker with data-petition-choices fills the form's petition list
//   (select[name=petition_id]) from that URL; without script 「選んだ本人で続ける」 does it
// - a link to a section that sits in a closed <details> (#history …) opens it
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
