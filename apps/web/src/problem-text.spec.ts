import { asSentence, problemSentences } from './problem-text';

describe('a refusal as people read it', () => {
  it('gives the title, then the detail, as two sentences', () => {
    expect(
      problemSentences(
        'Regel nicht erfüllt',
        'Die Frage q nennt die Phase „aufbau“, die das Programm dbl nicht kennt; seine Phasen sind „phase-1“ und „phase-2“.',
      ),
    ).toEqual([
      'Regel nicht erfüllt.',
      'Die Frage q nennt die Phase „aufbau“, die das Programm dbl nicht kennt; seine Phasen sind „phase-1“ und „phase-2“.',
    ]);
    expect(problemSentences('Ungültige Anfrage', 'budget: muss eine Zahl sein')).toEqual([
      'Ungültige Anfrage.',
      'budget: muss eine Zahl sein.',
    ]);
  });

  it('gives one sentence where the detail is missing or repeats the title', () => {
    expect(problemSentences('Nicht gefunden', '')).toEqual(['Nicht gefunden.']);
    expect(problemSentences('Konflikt', 'Konflikt')).toEqual(['Konflikt.']);
    expect(problemSentences('', 'Die Frist ist abgelaufen.')).toEqual(['Die Frist ist abgelaufen.']);
  });

  it('keeps a sentence’s own punctuation', () => {
    expect(asSentence('Wirklich?')).toBe('Wirklich?');
    expect(asSentence(' Fertig. ')).toBe('Fertig.');
  });
});
