// Loaded first by the test pages: records every Content-Security-Policy violation in the page,
// including those inside shadow roots (the event reaches the window from any element), every
// uncaught error, and what is written to the console as a warning or an error.
window.cspViolations = [];
window.pageErrors = [];
window.consoleMessages = [];
window.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.cspViolations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: event.sourceFile,
      line: event.lineNumber,
      target: event.target && event.target.nodeName,
    });
  },
  true,
);
window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.pageErrors.push(String(event.reason)));
for (const level of ['warn', 'error']) {
  const original = console[level];
  console[level] = function (...args) {
    window.consoleMessages.push({ level, text: args.map(String).join(' ') });
    return original.apply(this, args);
  };
}
