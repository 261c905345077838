// 年齢区分 on the consultation form: when a person is picked (or the consultation date changes),
// fill the band of the person's age on the consultation date, unless staff chose a band themselves.
// Without this script the server fills a blank band the same way on saving.
(function () {
  var box = document.querySelector('[data-age-bands]');
  var select = document.getElementById('age_band_id');
  var dateInput = document.getElementById('consulted_on');
  var note = document.getElementById('age_band_id-derived');
  if (!box || !select || !dateInput) return;
  var bands = JSON.parse(box.getAttribute('data-age-bands') || '[]');
  var eras = { M: 1868, T: 1912, S: 1926, H: 1989, R: 2019, 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };
  // the band last filled in here: while the select still shows it, staff have not chosen one
  var filled = null;

  // 2025-04-01, 2025/4/1, 2025年4月1日, 20250401, R7.4.1, 令和7年4月1日, 令和元年5月1日 → [y, m, d]
  function parseDate(text) {
    var s = String(text || '').normalize('NFKC').replace(/[\u2010-\u2015\u2212\u30fc]/g, '-').replace(/\s+/g, '');
    var m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ||
      /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])?(元|\d{1,4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
    if (!m) return null;
    var y;
    if (m.length === 4) y = Number(m[1]);
    else if (m[1]) y = eras[m[1].length === 1 ? m[1].toUpperCase() : m[1]] + (m[2] === '元' ? 1 : Number(m[2])) - 1;
    else y = Number(m[2]);
    var mo = Number(m.length === 4 ? m[2] : m[3]);
    var d = Number(m.length === 4 ? m[3] : m[4]);
    var check = new Date(Date.UTC(y, mo - 1, d));
    return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? [y, mo, d] : null;
  }

  // one year older on the birthday (29 February: on 1 March in a common year)
  function ageOn(birth, on) {
    var before = on[1] < birth[1] || (on[1] === birth[1] && on[2] < birth[2]);
    return on[0] - birth[0] - (before ? 1 : 0);
  }

  function picked() {
    var radio = document.querySelector('input[name="person_id"]:checked');
    return radio ? radio.getAttribute('data-birth') || '' : '';
  }

  function update(quiet) {
    if (select.value !== '' && String(select.value) !== String(filled)) return;
    var birth = parseDate(picked());
    var on = parseDate(dateInput.value);
    var age = birth && on ? ageOn(birth, on) : null;
    var band = null;
    for (var i = 0; age !== null && age >= 0 && i < bands.length; i++) {
      if (age >= bands[i].min && (bands[i].max === null || age <= bands[i].max)) band = bands[i];
    }
    select.value = band ? String(band.id) : '';
    filled = band ? band.id : null;
    if (note && quiet !== true) note.textContent = band ? '本人の生年月日と相談日から「' + select.options[select.selectedIndex].text + '」を入れました（相談日に' + age + '歳）。' : '';
  }

  // a band shown when the page opened for the linked person counts as filled in here
  if (select.value !== '') {
    var before = select.value;
    select.value = '';
    update(true);
    if (String(select.value) !== String(before)) { select.value = before; filled = null; }
  }
  document.addEventListener('change', function (event) {
    var t = event.target;
    if (t && t.name === 'person_id') update();
  });
  dateInput.addEventListener('change', function () { update(); });
  select.addEventListener('change', function () { filled = null; });
})();
