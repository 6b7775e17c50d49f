/**
 * What a run must undo whatever happens (temp dirs, the API child): registered as resources are
 * made, run in reverse order at the end, on failure and on Ctrl-C. One failing task never stops
 * the others.
 */
export class Cleanup {
  private tasks: { label: string; run: () => Promise<void> | void }[] = [];
  private running?: Promise<void>;

  add(label: string, run: () => Promise<void> | void): void {
    this.tasks.push({ label, run });
  }

  /** Safe to call twice (a signal during the normal end): the second call waits for the first. */
  runAll(): Promise<void> {
    this.running ??= this.runTasks();
    return this.running;
  }

  private async runTasks(): Promise<void> {
    const tasks = this.tasks.reverse();
    this.tasks = [];
    for (const task of tasks) {
      try {
        await task.run();
      } catch (error) {
        process.stderr.write(`bench cleanup "${task.label}" failed: ${(error as Error).message}\n`);
      }
    }
  }
}
