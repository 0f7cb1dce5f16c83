import { type Connection, Schema } from 'mongoose';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from './define-model.js';

export interface WorkspaceDoc {
  _id: string;
  platform: string;
  externalId: string;
  name: string;
  settings: {
    timezone: string;
    dateFormat: string;
    interactionTypes: string[];
    actions: string[];
    report: { enabled: boolean; channelId?: string; weekday: number; time: string };
    defaultRole: string;
  };
  createdAt: Date;
  updatedAt: Date;
}

export interface MemberDoc {
  _id: string;
  workspaceId: string;
  userId: string;
  role: string;
  displayName: string;
  timezone?: string;
  platformAdmin?: boolean;
  guest?: boolean;
  profileCheckedAt?: Date;
  provisional?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const workspaceSchema = new Schema<WorkspaceDoc>(
  {
    _id: String,
    platform: { type: String, required: true },
    externalId: { type: String, required: true },
    name: { type: String, default: '' },
    settings: {
      timezone: String,
      dateFormat: String,
      interactionTypes: [String],
      actions: [String],
      report: { enabled: Boolean, channelId: String, weekday: Number, time: String },
      defaultRole: String,
    },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, autoIndex: false },
);

const memberSchema = new Schema<MemberDoc>(
  {
    _id: String,
    workspaceId: { type: String, required: true },
    userId: { type: String, required: true },
    role: { type: String, required: true },
    displayName: { type: String, default: '' },
    timezone: String,
    platformAdmin: Boolean,
    guest: Boolean,
    profileCheckedAt: Date,
    provisional: Boolean,
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, autoIndex: false },
);

export function workspaceModel(connection: Connection) {
  return defineModel(connection, 'Workspace', workspaceSchema, COLLECTIONS.workspaces);
}

export function memberModel(connection: Connection) {
  return defineModel(connection, 'Member', memberSchema, COLLECTIONS.members);
}
