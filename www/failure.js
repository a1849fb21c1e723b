// What widget.js shows in a widget's place when the widget cannot be shown: why, in the widget's
// language, and, where its module could not load, the static version. Imported only then, so
// that readers whose widget works never download these words (both languages') or this code
// (0.5 KB of embed.html's gzipped weight).

const WORDS = {
  en: {
    noModule: 'The interactive graphic could not load; here is its static version. Reload the page to try again.',
    badData: 'The coalition tracker could not show this data:',
    stopped: 'The graphic stopped working. Reload the page to see it again.',
  },
  uk: {
    noModule: 'Інтерактивну графіку не вдалося завантажити; ось її статична версія (англійською). Перезавантажте сторінку, щоб спробувати знову.',
    badData: 'Трекер коаліції не зміг показати ці дані:',
    stopped: 'Графіка перестала працювати. Перезавантажте сторінку, щоб побачити її знову.',
  },
};

/** Replaces what `box` shows with `text`; each further line (a validation error) is a list item. */
export function message(box, text) {
  const [first, ...rest] = String(text).split('\n');
  const p = document.createElement('p');
  p.className = 'ct-error';
  p.textContent = first;
  box.replaceChildren(p);
  if (rest.length) {
    const list = document.createElement('ul');
    list.className = 'ct-error-list';
    for (const line of rest) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    box.append(list);
  }
}

/** Shows in `box` the static version (built with the site, escaped at build time, beside this
 * file) under a note that the module could not load; `sheet` is the `<link>` to its stylesheet,
 * which comes only with it. */
export async function showStatic(box, lang, sheet) {
  message(box, WORDS[lang].noModule);
  try {
    const response = await fetch(new URL('static.html', import.meta.url));
    if (!response.ok) return;
    const holder = document.createElement('div');
    holder.innerHTML = await response.text();
    box.append(sheet, ...holder.childNodes);
  } catch (error) {
    console.error(error);
  }
}

/** Shows in `box` that the widget's data could not be shown, and why (`error`'s message). */
export function showBadData(box, lang, error) {
  message(box, `${WORDS[lang].badData}\n${error.message || error}`);
}

/** Shows in `box` that the graphic has stopped (its module trapped while building it). */
export function showStopped(box, lang) {
  message(box, WORDS[lang].stopped);
}
