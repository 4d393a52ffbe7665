/** PostgreSQL's default weights of ts_rank for D, C, B and A. */
const WEIGHTS: Record<string, number> = { D: 0.1, C: 0.2, B: 0.4, A: 1 };

/**
 * Reads a tsvector as PostgreSQL prints it (`'кроссовк':1A,5B 'red':3C 'x'`) into each lexeme's
 * rank weight: its occurrences' weights, heaviest first, each divided by the square of its place,
 * as ts_rank weighs the positions of one word.
 */
export function lexemeWeightsOf(text: string): Map<string, number> {
  const weights = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    let lexeme = '';
    i++;
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (text[i] === '\\' && i + 1 < text.length) i++;
      lexeme += text[i];
      i++;
    }
    const occurrences: number[] = [];
    if (text[i] === ':') {
      i++;
      while (i < text.length && text[i] !== ' ') {
        const start = i;
        while (i < text.length && text[i] !== ',' && text[i] !== ' ') i++;
        const position = text.slice(start, i);
        const letter = /[ABCD]$/.exec(position)?.[0] ?? 'D';
        occurrences.push(WEIGHTS[letter] as number);
        if (text[i] === ',') i++;
      }
    } else {
      occurrences.push(WEIGHTS.D as number);
    }
    occurrences.sort((a, b) => b - a);
    weights.set(
      lexeme,
      occurrences.reduce((sum, w, j) => sum + w / (j + 1) ** 2, 0),
    );
  }
  return weights;
}
