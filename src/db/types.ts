import pg from 'pg';

/**
 * Result types shared by both engines (PGlite goes through the same pg driver):
 * dates stay ISO strings (no time-zone shift), counts (int8) become numbers.
 */
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
