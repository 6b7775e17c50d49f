// Ends the test run with one plain line, "N passed, N failed, N skipped", that any CI can read,
// preceded by every skipped test by name (its title says why: the skips in this suite are of
// probes the machine cannot run, e.g. no tmpfs mount without root). Written at process exit, so
// it comes after Jest's own summary.
const { relative } = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const skipped = results.testResults.flatMap((file) =>
      file.testResults
        .filter((test) => test.status === 'pending' || test.status === 'todo')
        .map((test) => `skipped: ${test.fullName} (${relative(process.cwd(), file.testFilePath)})`),
    );
    const line = `${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`;
    process.once('exit', () => process.stderr.write(`\n${[...skipped, line].join('\n')}\n`));
  }
}
module.exports = SummaryReporter;
