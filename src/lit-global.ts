/**
 * What the bundled copy of Lit sees as `globalThis`: the build (rollup.config.mjs) points its reads
 * of the page's globals here. Lit looks on the page for a version list, property metadata, polyfill
 * hooks, ShadyCSS, a style nonce and Trusted Types; a page's own Lit, or elements whose ids make
 * them globals (`<div id="litHtmlVersions">`), would otherwise steer or stop the widget's copy.
 * Here it finds the browser's interfaces, no polyfill, and a Trusted Types policy of the widget's
 * own name; what Lit writes (version lists, metadata) stays in this object.
 */

/** The Trusted Types policy the widget's templates are made with; a page's CSP lists it in `trusted-types`. */
export const TRUSTED_TYPES_POLICY = 'news-timeline';

interface Policy {
  createHTML(input: string): unknown;
}
interface TrustedTypesLike {
  emptyScript: unknown;
  createPolicy(name: string, rules: { createHTML?: (input: string) => string }): Policy;
}

/** The browser's own Trusted Types factory; not an element with id="trustedTypes". */
function browserTrustedTypes(): TrustedTypesLike | undefined {
  const factory = (globalThis as { trustedTypes?: unknown }).trustedTypes;
  const Factory = (globalThis as { TrustedTypePolicyFactory?: new () => unknown }).TrustedTypePolicyFactory;
  return typeof Factory === 'function' && factory instanceof Factory ? (factory as TrustedTypesLike) : undefined;
}

const browser = browserTrustedTypes();
/** What Lit asked its policy to do, once it has asked. */
let rules: Parameters<TrustedTypesLike['createPolicy']>[1] | undefined;
/** The policy, once made; null when the page does not allow it. */
let policy: Policy | null | undefined;

function makePolicy(): Policy | null {
  if (policy === undefined) {
    try {
      policy = browser!.createPolicy(TRUSTED_TYPES_POLICY, rules!);
    } catch {
      policy = null;
    }
  }
  return policy;
}

/**
 * The browser's Trusted Types as Lit sees them: its policy is made under the widget's name, when
 * it is first needed, so that a page's own Lit keeps the name `lit-html`, and a second copy of
 * the widget, which never draws (the element is defined once), never asks for one.
 */
function trustedTypes(): TrustedTypesLike | undefined {
  if (!browser) return undefined;
  return {
    emptyScript: browser.emptyScript,
    createPolicy(_name, asked) {
      rules = asked;
      return {
        createHTML(input) {
          const made = makePolicy();
          // Without a policy the browser decides: it refuses markup where Trusted Types are required.
          return made ? made.createHTML(input) : input;
        },
      };
    },
  };
}

/**
 * Whether the widget can draw under the page's Trusted Types: its policy is allowed, or Trusted
 * Types are not required. When they are required and the policy is not allowed, says so on the
 * console (nothing could be drawn, and every attempt would fail again).
 */
export function trustedTypesAllowed(): boolean {
  // Lit has not asked for a policy: it is not the bundled copy, or there are no Trusted Types.
  if (!browser || !rules) return true;
  if (makePolicy()) return true;
  try {
    // Markup from a plain string is refused where Trusted Types are required.
    document.createElement('template').innerHTML = '';
    return true;
  } catch {
    console.error(
      `<news-timeline> is not drawn: the page's Content-Security-Policy requires Trusted Types but does not allow the policy "${TRUSTED_TYPES_POLICY}". ` +
        `Add it to the trusted-types directive, beside the page's own policies (trusted-types ${TRUSTED_TYPES_POLICY} …).`,
    );
    return false;
  }
}

export const litGlobal: Record<string, unknown> = {
  ShadowRoot: globalThis.ShadowRoot,
  trustedTypes: trustedTypes(),
};
