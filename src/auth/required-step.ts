/**
 * The one place that orders the steps a signed-in user is forced through before anything else:
 * first a temporary password is changed, then a role that needs a second factor enrols one.
 * requiredStep() returns the single next step (or none); the gate, the login and each step's
 * own handler all ask it, so no two steps can ever send a user back and forth.
 */
export interface RequiredStep {
  /** The page that does the step. */
  path: string;
  /** Paths open while this step is pending (its own page, its follow-ups, and logout). */
  open: ReadonlySet<string>;
}

const CHANGE_PASSWORD: RequiredStep = { path: '/account/password', open: new Set(['/account/password', '/logout']) };
const ENROL_TWO_FACTOR: RequiredStep = { path: '/account/two-factor', open: new Set(['/account/two-factor', '/logout']) };

export interface StepState {
  must_change_password: boolean;
  must_enrol_two_factor: boolean;
}

export function requiredStep(user: StepState): RequiredStep | null {
  if (user.must_change_password) return CHANGE_PASSWORD;
  if (user.must_enrol_two_factor) return ENROL_TWO_FACTOR;
  return null;
}

/** Where a user goes after signing in or finishing a step: the next step, else where they were going. */
export function destinationAfterSteps(user: StepState, dest: string): string {
  return requiredStep(user)?.path ?? dest;
}
