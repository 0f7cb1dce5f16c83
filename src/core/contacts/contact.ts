export interface PostalAddress {
  street?: string;
  city?: string;
  postalCode?: string;
  country?: string;
}

export interface Contact {
  id: string;
  workspaceId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  address?: PostalAddress;
  organisationId?: string;
  tags: string[];
  /** Id in an outside system (CSV import key); unique per workspace when present. */
  externalId?: string;
  /** Folded name/emails/phones, for accent- and case-insensitive substring search. */
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

export interface Organisation {
  id: string;
  workspaceId: string;
  name: string;
  /** Folded name, unique per workspace, so "ACME" and "Acme" are one organisation. */
  nameKey: string;
  createdAt: Date;
}

export function contactDisplayName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter((part) => part.length > 0).join(' ');
}
