// Soft hyphens (U+00AD) in long words, where a Swedish word may break: a
// fallback for browsers without a hyphenation dictionary for the page's
// language (Chromium on Linux has none), so that a long compound such as
// "projektledning" in a narrow box breaks as "projekt-/ledning" with a
// hyphen, never as "projektlednin/g". Where the browser hyphenates itself
// (`hyphens: auto`, app.css) it uses these marks too. No DOM: pure text.
//
// The rule, per run of consonants between two vowels: break before the last
// consonant ("led-ning"), or before the last two when they may start a
// Swedish syllable ("ar-bets-grup-per"); never two vowels apart, never
// leaving fewer than two letters on a line. Only words of 10 letters or more.

const VOWELS = "aeiouyåäöéèüáàæøAEIOUYÅÄÖÉÈÜÁÀÆØ";
// Not the s-clusters: in long compounds an s more often ends the first part
// ("överens-kommelse", "arbets-grupp") than starts a syllable.
const ONSETS = new Set(["bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "kv", "pl", "pr", "tr", "tj"]);
const LONG = 10;
const EDGE = 2;
const SHY = "\u00ad";

const isVowel = (ch) => VOWELS.includes(ch);

function breaks(word) {
  const at = [];
  let lastVowel = -1;
  for (let i = 0; i < word.length; i++) {
    if (!isVowel(word[i])) continue;
    const consonants = i - lastVowel - 1;
    if (lastVowel >= 0 && consonants >= 1) {
      const pair = word.slice(i - 2, i).toLowerCase();
      const cut = consonants >= 3 && ONSETS.has(pair) ? i - 2 : i - 1;
      if (cut >= EDGE && word.length - cut >= EDGE) at.push(cut);
    }
    lastVowel = i;
  }
  return at;
}

export function hyphenateWord(word) {
  if ([...word].length < LONG) return word;
  let out = "";
  let from = 0;
  for (const cut of breaks(word)) {
    out += word.slice(from, cut) + SHY;
    from = cut;
  }
  return out + word.slice(from);
}

export function hyphenate(text) {
  return String(text ?? "").replace(/\p{L}{10,}/gu, hyphenateWord);
}
