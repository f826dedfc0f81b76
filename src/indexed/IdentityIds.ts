/**
 * Small numbers for objects, by identity.
 *
 * @module
 */

/**
 * Gives each object a number of its own, the same every time: keys made of
 * them tell apart objects that are equal but not the same (two key functions
 * with the same text), and the objects themselves stay collectable.
 */
export class IdentityIds<T extends object> {
  private readonly ids = new WeakMap<T, number>();
  private next = 0;

  /** The object's number, given on first sight. */
  of(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.next;
      this.next += 1;
      this.ids.set(value, id);
    }
    return id;
  }
}
