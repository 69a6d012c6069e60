// Mocha's spec reporter, plus the suite's totals written as JSON to $LLM_COST_TEST_SUMMARY (when set),
// so scripts/test-all.mjs can print one closing line for unit, integration and UI tests together.
const fs = require('fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.LLM_COST_TEST_SUMMARY;
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats || {};
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}

module.exports = SummaryReporter;
