import { cartRouteSuite } from '../../test/route-suite.ts';

// Carts in the database (PGlite or PostgreSQL, by project).
cartRouteSuite(() => ({}));
