/** Numbers distinct keys 0, 1, 2… in the order first seen, keeping one value per number. */
export class Numbering<T> {
  readonly values: T[] = [];
  private numbers = new Map<string, number>();

  /** The key's number, given it (with `value`) when the key is new. */
  numberOf(key: string, value: T): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.numbers.set(key, number);
    }
    return number;
  }

  /** The key's number, else undefined. */
  find(key: string): number | undefined {
    return this.numbers.get(key);
  }
}
