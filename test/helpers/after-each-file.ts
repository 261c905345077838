import { closeHashThreads } from '../../src/auth/hash-threads';

// Jest loads the sources afresh for every test file: each file's password-hashing threads stop
// with it, so that a worker process running many files does not collect them.
afterAll(closeHashThreads);
