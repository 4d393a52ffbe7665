import { newId } from '@bazar/kit/ids';
import { testRedisUrl } from '@bazar/kit/testing';
import { cartRouteSuite } from '../../test/route-suite.ts';

// The same suite with carts in Redis, under a key prefix of its own.
cartRouteSuite(() => ({ REDIS_URL: testRedisUrl(), CART_REDIS_PREFIX: `bazar-test:${newId()}:cart:` }));
