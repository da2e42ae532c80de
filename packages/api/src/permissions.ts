/**
 * Permissions and the role → permission matrix. This is the seed data: the database holds it
 * (roles, permissions, role_permissions) and authorisation reads it from there.
 */

/** Every permission a route can require, with what it allows. */
export const PERMISSIONS = {
  'catalog:read': 'browse categories and items, explode and where-used',
  'catalog:manage': 'import catalogs and rulesets',
  'configurations:validate': 'validate configurations',
  'boms:generate': 'generate and store BOMs',
  'boms:read': 'read stored BOMs and their diffs',
  'customers:read': 'read customers',
  'customers:manage': 'create and edit customers',
  'orders:read': 'read orders, their items and history',
  'orders:create': 'create orders and add order items',
  'orders:update': 'edit orders and their items before approval',
  'orders:transition': 'move orders between phases',
  'orders:approve': 'approve orders for production',
  'qc:read': 'read QC templates and inspections',
  'qc:inspect': 'record and submit QC inspections',
  'qc:approve': 'approve or reject an inspection another user submitted (second-person approval)',
  'ncrs:read': 'read nonconformance reports',
  'ncrs:raise': 'raise a nonconformance report',
  'ncrs:manage': 'assign, disposition, resolve, verify or reject nonconformance reports',
  'tasks:read': 'read production tasks',
  'tasks:update': 'start, progress and complete production tasks',
  'tasks:manage': 'assign production tasks',
  'documents:upload': 'upload photos and documents',
  'documents:read': 'read INTERNAL documents and photos',
  'documents:restricted': 'read RESTRICTED documents too',
  'documents:confidential': 'read CONFIDENTIAL documents too',
  'documents:approve': 'approve documents or make them obsolete',
  'financials:read': 'see prices and costs',
  'users:manage': 'create users, change their roles, deactivate them, reset passwords',
  'audit:read': 'read the audit log',
  'events:read': 'read the domain-event feed (GET /events)',
  'webhooks:manage':
    'manage webhook subscriptions and external systems, see and redo their deliveries',
} as const

export type Permission = keyof typeof PERMISSIONS

/** The six roles of the customer's data-architecture document. */
export const ROLES = {
  ADMIN: { name: 'Administrator', description: 'Full system access' },
  SALES_MANAGER: { name: 'Sales Manager', description: 'Order creation, customer management' },
  PRODUCTION_MANAGER: {
    name: 'Production Manager',
    description: 'Production workflow, resource allocation',
  },
  QC_INSPECTOR: { name: 'QC Inspector', description: 'Quality control processes, approvals' },
  ASSEMBLY_TECHNICIAN: {
    name: 'Assembly Technician',
    description: 'Task execution, progress updates',
  },
  CUSTOMER_SERVICE: {
    name: 'Customer Service',
    description: 'Order status, customer communication',
  },
} as const

export type RoleCode = keyof typeof ROLES

const everything = Object.keys(PERMISSIONS) as Permission[]

/**
 * Which role may do what. Administrators may do everything. The event feed (`events:read`) goes to
 * the roles that may already read everything an event tells of (orders, customers, BOMs, inspections,
 * tasks): sales, production and customer service; not QC inspectors or assembly technicians, who
 * may not read customers. Webhooks and external systems (`webhooks:manage`) are the administrators'
 * alone: a subscription sends every event it names out of the building.
 */
export const ROLE_PERMISSIONS: Record<RoleCode, readonly Permission[]> = {
  ADMIN: everything,
  SALES_MANAGER: [
    'catalog:read',
    'configurations:validate',
    'boms:generate',
    'boms:read',
    'customers:read',
    'customers:manage',
    'orders:read',
    'orders:create',
    'orders:update',
    'orders:transition',
    'qc:read',
    'tasks:read',
    'documents:upload',
    'financials:read',
    'documents:read',
    'ncrs:read',
    'events:read',
  ],
  PRODUCTION_MANAGER: [
    'catalog:read',
    'configurations:validate',
    'boms:generate',
    'boms:read',
    'customers:read',
    'orders:read',
    'orders:transition',
    'orders:approve',
    'qc:read',
    'tasks:read',
    'tasks:update',
    'tasks:manage',
    'documents:upload',
    'documents:read',
    'documents:restricted',
    'documents:approve',
    'ncrs:read',
    'ncrs:raise',
    'ncrs:manage',
    'events:read',
  ],
  QC_INSPECTOR: [
    'catalog:read',
    'boms:read',
    'orders:read',
    'orders:transition',
    'qc:read',
    'qc:inspect',
    'tasks:read',
    'documents:upload',
    'documents:read',
    'documents:restricted',
    'documents:approve',
    'qc:approve',
    'ncrs:read',
    'ncrs:raise',
    'ncrs:manage',
  ],
  ASSEMBLY_TECHNICIAN: [
    'catalog:read',
    'boms:read',
    'orders:read',
    'tasks:read',
    'tasks:update',
    'documents:upload',
    'documents:read',
    'ncrs:read',
    'ncrs:raise',
  ],
  CUSTOMER_SERVICE: [
    'catalog:read',
    'configurations:validate',
    'boms:read',
    'customers:read',
    'orders:read',
    'qc:read',
    'tasks:read',
    'documents:read',
    'ncrs:read',
    'events:read',
  ],
}

/** The demo users `pnpm start` seeds: one per role. */
export const DEMO_USERS: readonly { username: string; displayName: string; role: RoleCode }[] = [
  { username: 'admin', displayName: 'Ada Admin', role: 'ADMIN' },
  { username: 'sales', displayName: 'Sam Sales', role: 'SALES_MANAGER' },
  { username: 'production', displayName: 'Pat Production', role: 'PRODUCTION_MANAGER' },
  { username: 'qc', displayName: 'Quinn Inspector', role: 'QC_INSPECTOR' },
  { username: 'assembler', displayName: 'Alex Assembler', role: 'ASSEMBLY_TECHNICIAN' },
  { username: 'service', displayName: 'Casey Service', role: 'CUSTOMER_SERVICE' },
]
