import { Express } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { AppDeps } from '../deps';
import { authenticate } from './authenticate';
import { findUserById, UserRow } from './users-queries';

export function toPrincipal(u: UserRow): Express.User {
  return {
    id: u.id,
    username: u.username,
    display_name: u.display_name,
    role: u.role,
    ward_id: u.ward_id,
    ward_name: u.ward_name,
    must_change_password: u.must_change_password,
    previous_login_at: u.previous_login_at,
    must_enrol_two_factor: u.two_factor_required && !u.two_factor_enrolled,
  };
}

/** What the login route learns beside the user: whether a second factor must follow. */
export interface SecondFactorInfo { message: string; secondFactor: boolean }

/** passport-local over our authenticate(); the session holds only the user id. */
export function setUpAuth(app: Express, deps: AppDeps): void {
  const pp = new passport.Passport();
  pp.use(
    new LocalStrategy({ passReqToCallback: true }, (req, username, password, done) => {
      authenticate(deps, username, password, { ip: req.ip ?? '', requestId: req.id })
        .then((r) => {
          if (!r.ok) return done(null, false, { message: r.message });
          const info: SecondFactorInfo = { message: '', secondFactor: r.secondFactor };
          done(null, toPrincipal(r.user), info);
        })
        .catch(done);
    }),
  );
  pp.serializeUser((user, done) => done(null, user.id));
  pp.deserializeUser((id: number, done) => {
    findUserById(deps.db, id)
      .then((u) => done(null, u && !u.disabled_at ? toPrincipal(u) : false))
      .catch(done);
  });
  app.use(pp.initialize());
  app.use(pp.session());
  app.locals.passport = pp;
}
