import { type Connection, Schema } from 'mongoose';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from './define-model.js';

export interface ContactDoc {
  _id: string;
  workspaceId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  address?: { street?: string; city?: string; postalCode?: string; country?: string };
  organisationId?: string;
  tags: string[];
  externalId?: string;
  /**
   * For the unique (workspaceId, externalKey) index: "ext:<externalId>" or "id:<_id>". The
   * repository always writes it (toContactDoc); a document without it breaks that index on MongoDB.
   */
  externalKey?: string;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

export interface OrganisationDoc {
  _id: string;
  workspaceId: string;
  name: string;
  nameKey: string;
  createdAt: Date;
}

const contactSchema = new Schema<ContactDoc>(
  {
    _id: String,
    workspaceId: { type: String, required: true },
    firstName: { type: String, default: '' },
    lastName: { type: String, default: '' },
    emails: [String],
    phones: [String],
    address: { street: String, city: String, postalCode: String, country: String },
    organisationId: String,
    tags: [String],
    externalId: String,
    externalKey: String,
    searchText: { type: String, default: '' },
    createdAt: Date,
    updatedAt: Date,
    createdBy: String,
  },
  { versionKey: false, autoIndex: false },
);

const organisationSchema = new Schema<OrganisationDoc>(
  {
    _id: String,
    workspaceId: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    createdAt: Date,
  },
  { versionKey: false, autoIndex: false },
);

export function contactModel(connection: Connection) {
  return defineModel(connection, 'Contact', contactSchema, COLLECTIONS.contacts);
}

export function organisationModel(connection: Connection) {
  return defineModel(connection, 'Organisation', organisationSchema, COLLECTIONS.organisations);
}
