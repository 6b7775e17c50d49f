/**
 * class-validator words its constraints in English only. The German sentence is built from the
 * constraint's name and the figures in its English message (limits, allowed values), so every
 * field error reaches a German reader in German.
 */
const figures = (en: string) => en.match(/-?\d+(?:\.\d+)?/g) ?? [];
const after = (en: string, marker: string) => {
  const i = en.indexOf(marker);
  return i < 0 ? '' : en.slice(i + marker.length).trim();
};

const GERMAN: Record<string, (en: string) => string> = {
  isDefined: () => 'fehlt',
  isNotEmpty: () => 'darf nicht leer sein',
  isString: () => 'muss ein Text sein',
  isInt: () => 'muss eine ganze Zahl sein',
  isNumber: () => 'muss eine Zahl sein',
  isBoolean: () => 'muss true oder false sein',
  isObject: () => 'muss ein Objekt sein',
  isArray: () => 'muss eine Liste sein',
  isEmail: () => 'muss eine E-Mail-Adresse sein',
  isUrl: () => 'muss eine Internetadresse sein',
  isIn: (en) => `muss einer dieser Werte sein: ${after(en, 'following values:')}`,
  min: (en) => `darf nicht kleiner als ${figures(en).at(-1)} sein`,
  max: (en) => `darf nicht größer als ${figures(en).at(-1)} sein`,
  minLength: (en) => `muss mindestens ${figures(en).at(-1)} Zeichen lang sein`,
  maxLength: (en) => `darf höchstens ${figures(en).at(-1)} Zeichen lang sein`,
  arrayMinSize: (en) => `muss mindestens ${figures(en).at(-1)} Einträge haben`,
  arrayMaxSize: (en) => `darf höchstens ${figures(en).at(-1)} Einträge haben`,
  arrayUnique: () => 'darf keinen Eintrag doppelt enthalten',
  matches: () => 'hat nicht die erwartete Form',
  whitelistValidation: () => 'ist hier kein erlaubtes Feld',
  nestedValidation: () => 'muss ein Objekt oder eine Liste sein',
  unknownValue: () => 'hat einen unerwarteten Wert',
  isPlausibleDate: (en) => {
    const [from, to] = figures(en).slice(-2);
    return `muss ein gültiges Datum JJJJ-MM-TT zwischen ${from} und ${to} sein`;
  },
  isAsOf: (en) => {
    const [from, to] = figures(en).slice(-2);
    return `muss ein Datum JJJJ-MM-TT oder ein ISO-Zeitpunkt wie 2012-02-29T12:00:00Z zwischen ${from} und ${to} sein`;
  },
  isSafeNumber: (en) => {
    const [from, to] = figures(en).slice(-2);
    return `muss eine Zahl zwischen ${from} und ${to} sein`;
  },
  isWellFormedText: () => 'muss gültiger Unicode-Text sein (er enthält ein einzelnes UTF-16-Ersatzzeichen)',
  isFormAnswers: () =>
    'muss je Feld des Formulars (bis zu 100) einen Text (bis 20.000 Zeichen), eine Zahl oder true/false enthalten',
  isRecordId: () =>
    'muss aus 1 bis 160 Buchstaben, Ziffern, „-“, „_“ oder „.“ bestehen, ohne „..“ und nicht mit „.“ enden',
};

/**
 * The German of the sentences DTOs give a constraint themselves (`@Matches(…, { message })`),
 * keyed by the English one without the field it names ("ags", "each member").
 */
const OWN_MESSAGES: Record<string, string> = {
  'must be a status name in kebab-case':
    'muss ein Statusname in Kleinbuchstaben mit Bindestrichen sein (z. B. „open“)',
  'must be an 8-digit AGS': 'muss ein achtstelliger Amtlicher Gemeindeschlüssel (AGS) sein',
  'must be an 8-digit Amtlicher Gemeindeschlüssel':
    'muss ein achtstelliger Amtlicher Gemeindeschlüssel (AGS) sein',
  'must not start with "answer-"': 'darf nicht mit „answer-“ beginnen',
  'must be the start of a stream id': 'muss der Anfang einer Datenstrom-Kennung sein',
};

export function germanConstraint(name: string, en: string): string {
  const own = Object.keys(OWN_MESSAGES).find((key) => en.endsWith(` ${key}`));
  if (own !== undefined) return OWN_MESSAGES[own];
  const german = GERMAN[name]?.(en);
  if (german === undefined) return en;
  // Constraints given `{ each: true }` speak of every entry of a list.
  return en.startsWith('each value in ') ? `jeder Eintrag ${german}` : german;
}
