import { DomainError } from '@bazar/kit/errors';
import { MAX_ADDRESSES } from './address.ts';

export const AddressNotFound = (id: string) => new DomainError('identity.address_not_found', 404, `No address ${id} in your address book`);
export const AddressBookFull = () =>
  new DomainError('identity.address_book_full', 409, `An address book holds at most ${MAX_ADDRESSES} addresses`, { max: MAX_ADDRESSES });
