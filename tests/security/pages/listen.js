// Loaded first by the CSP test pages: records every Content-Security-Policy violation in the page,
// including those inside shadow roots (the event reaches the window from any element).
window.cspViolations = [];
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
