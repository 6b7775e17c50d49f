/** The DeadlineWorker of this process, when it runs one (the worker app, or the embedded default). */
export const DEADLINE_WORKER = Symbol('DeadlineWorker');
