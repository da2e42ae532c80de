// Generated from the API's OpenAPI document by packages/client/generate.ts: do not edit.
// `pnpm generate:client` rewrites it; the API's tests fail while it is stale.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is the process up (liveness), which database, catalog and rules does it run on
         * @description Answers without touching the database, so that a supervisor restarts only a process that stopped answering; a load balancer asks GET /ready.
         *
         *     Public.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Can this instance take requests: database reachable, migrations current, catalog and rules loaded
         * @description For load balancers and supervisors: 200 when every check passes, else 503 with the checks that failed, so that a starting or broken instance gets no traffic.
         *
         *     Public.
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics of this instance
         * @description Requests by route template and status, database statements and pool, event-loop lag, heap, BOMs generated, webhook deliveries, failed sign-ins. Prometheus text format.
         *
         *     Needs the metrics token (`METRICS_TOKEN`) as a bearer token; refused to everyone while none is set.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API as an OpenAPI 3.1 document
         * @description Public.
         */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The interactive API reference
         * @description Public.
         */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/swagger-init.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API reference page’s start-up script
         * @description Public.
         */
        get: operations["getDocsSwaggerInitJs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API reference page’s script and style sheet
         * @description Public.
         */
        get: operations["getDocsByAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: a bearer token for the other endpoints
         * @description Five failed sign-ins in a row for a username (whether or not it exists), or twenty from one address within 15 minutes, lock it for 15 minutes (423); sign-ins are also rate-limited per address (429).
         *
         *     Public.
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user, their roles and permissions
         * @description Any signed-in user.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password (with the current one); signs you out everywhere
         * @description A wrong current password is a 403 problem and is audited. Tokens issued before the change stop working: sign in again with the new password.
         *
         *     Any signed-in user.
         */
        post: operations["postMePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every user with their roles
         * @description Needs the permission `users:manage` (create users, change their roles, deactivate them, reset passwords).
         */
        get: operations["getUsers"];
        put?: never;
        /**
         * Create a user with their roles
         * @description Needs the permission `users:manage` (create users, change their roles, deactivate them, reset passwords).
         */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user’s name, e-mail, roles, or deactivate them
         * @description Needs the permission `users:manage` (create users, change their roles, deactivate them, reset passwords).
         */
        patch: operations["patchUsersById"];
        trace?: never;
    };
    "/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user’s password (unlocks the account, signs them out everywhere)
         * @description Needs the permission `users:manage` (create users, change their roles, deactivate them, reset passwords).
         */
        post: operations["postUsersByIdPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The category tree: categories, their subcategories and how many items each has
         * @description Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search items by words of their id or name, filter by category and kind
         * @description Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One item: its structure, the assemblies that use it directly, its price
         * @description Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getItemsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{id}/explode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The item exploded: its tree, or with flat=true its leaf parts with summed quantities
         * @description Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getItemsByIdExplode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{id}/where-used": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every assembly that contains the item, directly or through sub-assemblies
         * @description Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getItemsByIdWhereUsed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/configurations/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a configuration: every finding, with its path and the rule that said it
         * @description Needs the permission `configurations:validate` (validate configurations).
         */
        post: operations["postConfigurationsValidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/configurations/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What can still be chosen: for every option, the values that keep a valid completion, and why the others are ruled out
         * @description Needs the permission `configurations:validate` (validate configurations).
         */
        post: operations["postConfigurationsOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/configurations/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Why items are (or are not) in a configuration’s BOM: the rules that can add them, their conditions and fact values
         * @description Needs the permission `configurations:validate` (validate configurations).
         */
        post: operations["postConfigurationsExplain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Configure with the active rules and store the BOM
         * @description The same configuration with the same catalog and rules answers with the BOM stored before (200); otherwise a new BOM is stored (201), the next revision of the configuration’s previous one. An invalid configuration is a 422 problem listing each path.
         *
         *     Needs the permission `boms:generate` (generate and store BOMs).
         */
        post: operations["postBoms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored BOM as JSON, or as CSV with "Accept: text/csv"
         * @description Needs the permission `boms:read` (read stored BOMs and their diffs).
         */
        get: operations["getBomsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boms/{id}/diff/{otherId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed from one BOM to another: lines and parts added, removed, changed
         * @description Needs the permission `boms:read` (read stored BOMs and their diffs).
         */
        get: operations["getBomsByIdDiffByOtherId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customers, by name; `q` matches code, name, contact or e-mail
         * @description Needs the permission `customers:read` (read customers).
         */
        get: operations["getCustomers"];
        put?: never;
        /**
         * Create a customer (the code is generated from the id when not given)
         * @description Needs the permission `customers:manage` (create and edit customers).
         */
        post: operations["postCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One customer; the ETag is its version
         * @description Needs the permission `customers:read` (read customers).
         */
        get: operations["getCustomersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a customer (needs the version read: If-Match or a version field)
         * @description Only the fields sent change; null clears an optional field. A stale version is a 412 problem, a missing one 428. Blocking a customer refuses their new orders; existing orders go on.
         *
         *     Needs the permission `customers:manage` (create and edit customers).
         */
        patch: operations["patchCustomersById"];
        trace?: never;
    };
    "/orders/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order summary: per order its customer, phase, priority, dates, sinks, days in phase, task completion, open NCRs and (permitted) total
         * @description Filtered, sorted and paged on indexed columns of the orders; the counts are computed for the page. `late=true`: due before today (UTC) and not shipped, delivered or cancelled. Sorting by total needs financials:read.
         *
         *     Needs the permission `orders:read` (read orders, their items and history).
         */
        get: operations["getOrdersSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search orders: filters, text over number, PO and customer, sorting and pages
         * @description Needs the permission `orders:read` (read orders, their items and history).
         */
        get: operations["getOrders"];
        put?: never;
        /**
         * Create an order in DRAFT, with a generated order number
         * @description Needs the permission `orders:create` (create orders and add order items).
         */
        post: operations["postOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order with its items; the ETag is its version
         * @description Needs the permission `orders:read` (read orders, their items and history).
         */
        get: operations["getOrdersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an order’s PO number, type, priority, dates, responsible user, language, instructions, notes or money terms (needs its version)
         * @description The language can change only while the order has no sinks (each sink’s configuration carries it). The money terms can change until approval stores the amounts.
         *
         *     Needs the permission `orders:update` (edit orders and their items before approval).
         */
        patch: operations["patchOrdersById"];
        trace?: never;
    };
    "/orders/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a sink to an order: its build number and configuration; its BOM is generated
         * @description Needs the permission `orders:update` (edit orders and their items before approval).
         */
        post: operations["postOrdersByIdItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a sink’s configuration; its BOM becomes the next revision
         * @description Needs the permission `orders:update` (edit orders and their items before approval).
         */
        put: operations["putOrdersByIdItemsByItemId"];
        post?: never;
        /**
         * Remove a sink from an order (before approval)
         * @description Needs the permission `orders:update` (edit orders and their items before approval).
         */
        delete: operations["deleteOrdersByIdItemsByItemId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/bom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s consolidated BOM: every sink’s lines summed, with build numbers (CSV with Accept: text/csv)
         * @description Needs the permission `boms:read` (read stored BOMs and their diffs).
         */
        get: operations["getOrdersByIdBom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an order to another phase
         * @description A refused move is a 409 problem naming the failed guard and the moves allowed from here; a stale version is a 412 problem. Approval freezes each item’s BOM; entering PRODUCTION creates the production tasks. The move to SHIPPING needs carrier, trackingNumber and shipDate; the move to DELIVERED needs deliveredDate (a 400 problem names what is missing).
         *
         *     Needs the permission `orders:transition` (move orders between phases).
         */
        post: operations["postOrdersByIdTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s phase history: from, to, who, why, when, and hours spent in the phase left
         * @description Needs the permission `orders:read` (read orders, their items and history).
         */
        get: operations["getOrdersByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s quote: customer, PO, each sink with its options, BOM table and price, totals and validity date (JSON, or printable HTML)
         * @description JSON by default; a self-contained HTML page suited to print (inline print CSS, no external assets) with `Accept: text/html` or `?format=html`. Prices and totals (exact decimals) only for users with financials:read; an approved order shows the amounts stored at approval, an order before approval today's list prices. A quote is valid for 30 days from the day it is issued.
         *
         *     Needs the permission `orders:read` (read orders, their items and history) and `boms:read` (read stored BOMs and their diffs).
         */
        get: operations["getOrdersByIdQuote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order’s progress: tasks done / total and hours per sink, and what blocks the next move
         * @description Needs the permission `orders:read` (read orders, their items and history).
         */
        get: operations["getOrdersByIdProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Production tasks; assembly technicians see only theirs
         * @description Needs the permission `tasks:read` (read production tasks).
         */
        get: operations["getTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One production task
         * @description Needs the permission `tasks:read` (read production tasks).
         */
        get: operations["getTasksById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Assign a task, or move it along: start, progress, hours, complete, hold, cancel
         * @description Needs the task’s `version` (or `If-Match`). Assigning needs tasks:manage. A task starts only when the tasks it depends on are completed, and only while its order is in PRODUCTION.
         *
         *     Needs the permission `tasks:update` (start, progress and complete production tasks).
         */
        patch: operations["patchTasksById"];
        trace?: never;
    };
    "/tasks/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write a work note or a problem met on a task; a problem can raise an NCR at once
         * @description Raising an NCR (`ncr`) needs ncrs:raise. Assembly technicians write on their own tasks.
         *
         *     Needs the permission `tasks:update` (start, progress and complete production tasks).
         */
        post: operations["postTasksByIdNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/qc/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The QC templates, every version
         * @description Needs the permission `qc:read` (read QC templates and inspections).
         */
        get: operations["getQcTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/order-items/{id}/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an inspection of one sink: only the rows that apply to its configuration
         * @description Needs the permission `qc:inspect` (record and submit QC inspections).
         */
        post: operations["postOrderItemsByIdInspections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One inspection with its rows, answers and photos
         * @description Needs the permission `qc:read` (read QC templates and inspections).
         */
        get: operations["getInspectionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}/items/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record one row: a value (checked against its kind, expected value and tolerance), N/A where allowed, notes
         * @description Needs the permission `qc:inspect` (record and submit QC inspections).
         */
        put: operations["putInspectionsByIdItemsByKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score, sign and lock an inspection: PASS, FAIL or CONDITIONAL_PASS
         * @description A required row without an answer makes it incomplete: a 409 problem listing the rows.
         *
         *     Needs the permission `qc:inspect` (record and submit QC inspections).
         */
        post: operations["postInspectionsByIdSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject a submitted inspection: a second person, not its inspector
         * @description Only for templates that ask for approval. The sink counts as passed only when approved; an approved re-inspection verifies the NCR it links to.
         *
         *     Needs the permission `qc:approve` (approve or reject an inspection another user submitted (second-person approval)).
         */
        post: operations["postInspectionsByIdApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a photo (JPEG, PNG or WebP, at most 10 MB) to an inspection or one of its rows (?row=); ?filename= names it
         * @description The content must be what the Content-Type says. Only while the inspection is not signed; counts against the uploader’s quota.
         *
         *     Needs the permission `documents:upload` (upload photos and documents) and `qc:read` (read QC templates and inspections).
         */
        post: operations["postInspectionsByIdPhotos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the audit log, newest first, paged by cursor
         * @description Each row has the state before and after, the fields that changed, the user, the request id and the client’s address and user agent. `from` and `to` are ISO dates or date-times (a date `to` includes its whole day).
         *
         *     Needs the permission `audit:read` (read the audit log).
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of one order, newest first
         * @description Needs the permission `orders:read` (read orders, their items and history).
         */
        get: operations["getOrdersByIdAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of one customer, newest first
         * @description Needs the permission `customers:read` (read customers).
         */
        get: operations["getCustomersByIdAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of one user, newest first
         * @description Needs the permission `users:manage` (create users, change their roles, deactivate them, reset passwords).
         */
        get: operations["getUsersByIdAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boms/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of one BOM, newest first
         * @description Needs the permission `boms:read` (read stored BOMs and their diffs).
         */
        get: operations["getBomsByIdAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The documents you may read, newest first, by attachment, type, status or tag
         * @description Needs the permission `documents:read` (read INTERNAL documents and photos).
         */
        get: operations["getDocuments"];
        put?: never;
        /**
         * Upload a document (PDF or an image, at most 25 MB) attached to an order, order item, task, inspection or catalog item
         * @description The body is the file, with its Content-Type; the content must be what the type says. Metadata in the query. Counts against the uploader’s quota.
         *
         *     Needs the permission `documents:upload` (upload photos and documents).
         */
        post: operations["postDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document: metadata, attachment, status and every version
         * @description Needs the permission `documents:read` (read INTERNAL documents and photos).
         */
        get: operations["getDocumentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a document’s title, description, tags or access level, or its status
         * @description DRAFT → APPROVED → OBSOLETE (or DRAFT → OBSOLETE); changing the status needs documents:approve and records who and when.
         *
         *     Needs the permission `documents:upload` (upload photos and documents).
         */
        patch: operations["patchDocumentsById"];
        trace?: never;
    };
    "/documents/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a new version of a document: version n + 1, back to DRAFT; older versions stay
         * @description Needs the permission `documents:upload` (upload photos and documents).
         */
        post: operations["postDocumentsByIdVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest version’s file, with its type and an RFC 6266 file name
         * @description Needs the permission `documents:read` (read INTERNAL documents and photos).
         */
        get: operations["getDocumentsByIdFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{id}/versions/{version}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version’s file
         * @description Needs the permission `documents:read` (read INTERNAL documents and photos).
         */
        get: operations["getDocumentsByIdVersionsByVersionFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ncrs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nonconformance reports by status, severity, order, owner or age, oldest first
         * @description Needs the permission `ncrs:read` (read nonconformance reports).
         */
        get: operations["getNcrs"];
        put?: never;
        /**
         * Raise a nonconformance report on an inspection’s failed rows, a task or an order item
         * @description Needs the permission `ncrs:raise` (raise a nonconformance report).
         */
        post: operations["postNcrs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ncrs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One nonconformance report with its status history
         * @description Needs the permission `ncrs:read` (read nonconformance reports).
         */
        get: operations["getNcrsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Assign, disposition or describe an NCR: owner, disposition, corrective action and due date
         * @description Needs the permission `ncrs:manage` (assign, disposition, resolve, verify or reject nonconformance reports).
         */
        patch: operations["patchNcrsById"];
        trace?: never;
    };
    "/ncrs/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an NCR: OPEN → IN_PROGRESS → RESOLVED → VERIFIED, back to work, or REJECTED
         * @description A refused move is a 409 problem naming its guard and the moves allowed; verifying needs qc:inspect.
         *
         *     Needs the permission `ncrs:manage` (assign, disposition, resolve, verify or reject nonconformance reports).
         */
        post: operations["postNcrsByIdTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Domain events in sequence order: page with `after` (the `next` of the previous page)
         * @description Every change another system cares about, written in the same transaction as the change. A page holds the events after the cursor; `next` is the cursor of the following page, which is empty until later events exist (poll it). Pages never skip or repeat an event, also under concurrent writes. Prices and costs only for users with financials:read.
         *
         *     Needs the permission `events:read` (read the domain-event feed (GET /events)).
         */
        get: operations["getEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order for the ERP (torvan-erp-export/1): each sink’s frozen BOM and the consolidated lines and parts, JSON or CSV
         * @description Lines carry 700-series numbers, quantities and units; unit and line costs only for users with financials:read (the CSV keeps its cost columns, empty). Only an approved order (its BOMs frozen) is exported: otherwise a 409 problem. The format is described in docs/integration.md.
         *
         *     Needs the permission `boms:read` (read stored BOMs and their diffs).
         */
        get: operations["getOrdersByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every webhook subscription (without secrets)
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        get: operations["getWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to event types; the answer shows the signing secret, once
         * @description Deliveries are signed per the Standard Webhooks specification (webhook-id, webhook-timestamp, webhook-signature). The URL is http or https; loopback and private addresses only where WEBHOOK_ALLOWED_HOSTS names them.
         *
         *     Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        post: operations["postWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook subscription (without its secret)
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        get: operations["getWebhooksById"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription and its delivery log
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        delete: operations["deleteWebhooksById"];
        options?: never;
        head?: never;
        /**
         * Change a subscription: URL, event types, pause or resume it, or a new secret
         * @description Resuming (status ACTIVE) a subscription that was disabled after failed deliveries clears its failure count. rotateSecret: true answers with the new secret, once.
         *
         *     Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        patch: operations["patchWebhooksById"];
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription’s deliveries, newest first, each with its attempts (the sync log)
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        get: operations["getWebhooksByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again (with the same webhook-id), after the ones queued before it
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        post: operations["postWebhooksByIdDeliveriesByDeliveryIdRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-systems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every external system with its webhook
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        get: operations["getExternalSystems"];
        put?: never;
        /**
         * Register an external system; its events go to its URL through a webhook (secret shown once)
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        post: operations["postExternalSystems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-systems/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One external system
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        get: operations["getExternalSystemsById"];
        put?: never;
        post?: never;
        /**
         * Remove an external system and its webhook
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        delete: operations["deleteExternalSystemsById"];
        options?: never;
        head?: never;
        /**
         * Rename an external system, move it, or change the events it receives
         * @description Needs the permission `webhooks:manage` (manage webhook subscriptions and external systems, see and redo their deliveries).
         */
        patch: operations["patchExternalSystemsById"];
        trace?: never;
    };
    "/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The configurator page: sign in, configure a sink, see its BOM, save it to an order
         * @description The page runs the configurator core in the browser on the model from GET /model; it is built from packages/web.
         *
         *     Public.
         */
        get: operations["getApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script or style sheet of the configurator page (content-hashed: cached for good)
         * @description Public.
         */
        get: operations["getAppAssetsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The product’s model for configuring in the browser: catalog, rule files and product model (prices with financials:read)
         * @description Build it with buildCatalog(catalog) and compileRuleset(rules, { catalog }) from @torvan/configurator-core. The ETag is the hash of the body: send If-None-Match to get 304 while it is unchanged.
         *
         *     Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rule test cases that ship with the service, for the rule playground
         * @description The playground runs them with runRuleCases() against rules being edited; nothing is stored.
         *
         *     Needs the permission `catalog:read` (browse categories and items, explode and where-used).
         */
        get: operations["getModelCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem document. */
        Problem: {
            /**
             * Format: uri
             * @description stable: clients switch on it
             */
            type: string;
            title: string;
            status: number;
            /** @description what went wrong and how to fix it, as a sentence */
            detail: string;
            instance?: string;
            requestId?: string;
            /** @description for validation problems: every invalid input, by path */
            errors?: {
                /** @example body.basins[1].size */
                path: string;
                message: string;
                code?: string;
            }[];
        };
        /** @description a configuration of one of the products (T2, WS), as its `product` says */
        Configuration: components["schemas"]["ConfigurationT2"] | components["schemas"]["ConfigurationWS"];
        /** T2 CleanStation sink (MDRD family) configuration */
        ConfigurationT2: {
            /** @enum {string} */
            feet: "LEVELING_CASTERS" | "SEISMIC_FEET";
            legs: {
                /** @enum {string} */
                model: "DL27" | "DL14" | "LC1";
                /** @enum {string} */
                height: "ADJUSTABLE" | "FIXED";
            };
            sink: {
                /** @description T2 sinks are 20–60 in wide; unit: in; at most 2 decimals */
                widthIn: number;
                /** @description T2 sinks are 48–120 in long; unit: in; at most 2 decimals */
                lengthIn: number;
                /**
                 * @description printed on work orders and QC forms; no BOM effect
                 * @default LEFT_TO_RIGHT
                 * @enum {string}
                 */
                workflowDirection?: "LEFT_TO_RIGHT" | "RIGHT_TO_LEFT";
            };
            /**
             * @description 1, 2 or 3 basins
             * @enum {string}
             */
            model: "T2-B1" | "T2-B2" | "T2-B3";
            basins: {
                size: ("20X20X8" | "24X20X8" | "24X20X10" | "30X20X8" | "30X20X10") | {
                    /** @description custom basins are 6–20 in deep; unit: in; at most 2 decimals */
                    depthIn: number;
                    /** @description custom basins are 10–50 in wide; unit: in; at most 2 decimals */
                    widthIn: number;
                    /** @description custom basins are 10–50 in long; unit: in; at most 2 decimals */
                    lengthIn: number;
                };
                /** @enum {string} */
                type: "E_SINK" | "E_SINK_DI" | "E_DRAIN";
                /** @default false */
                light?: boolean;
                /** @default false */
                pTrap?: boolean;
            }[];
            /** @default [] */
            faucets?: {
                /** @enum {string} */
                type: "WRIST_BLADE" | "PRE_RINSE" | "DI_GOOSENECK";
                /** @default 1 */
                quantity?: number;
                /** @enum {string} */
                placement?: "CENTER_OF_BASIN_1" | "CENTER_OF_BASIN_2" | "CENTER_OF_BASIN_3" | "BETWEEN_BASINS_1_2" | "BETWEEN_BASINS_2_3";
            }[];
            /**
             * @description the product line (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            product: "T2";
            /**
             * @description the language of the manuals
             * @default EN
             * @enum {string}
             */
            language?: "EN" | "FR" | "SP";
            /**
             * @description null or absent: no pegboard
             * @default null
             */
            pegboard?: {
                /** @default SAME_AS_SINK */
                size?: "SAME_AS_SINK" | {
                    /** @description custom pegboards are 24–130 in wide; unit: in; at most 2 decimals */
                    widthIn: number;
                    /** @description custom pegboards are 12–60 in high; unit: in; at most 2 decimals */
                    heightIn: number;
                };
                /** @enum {string} */
                type: "PERFORATED" | "SOLID";
                /** @enum {string} */
                color: "GREEN" | "BLACK" | "YELLOW" | "GREY" | "RED" | "BLUE" | "ORANGE" | "WHITE";
            } | null;
            /** @default [] */
            sprayers?: {
                /** @enum {string} */
                type: "DI_WATER_GUN_TURRET" | "DI_WATER_GUN_ROSETTE" | "AIR_GUN_TURRET" | "AIR_GUN_ROSETTE";
                /** @enum {string} */
                location?: "LEFT" | "RIGHT";
                /** @default 1 */
                quantity?: number;
            }[];
            /** @default [] */
            accessories?: {
                /**
                 * @description an accessory from the accessory subcategories; faucets, sprayers, basin lights and P-traps have their own options; a catalog item id from subcategory 720.702; subcategory 720.703; subcategory 720.704; subcategory 720.705; subcategory 720.707; the listed items
                 * @enum {string}
                 */
                id: "B210-BLUE" | "T-OA-1BRUSH-ORG-PB-KIT" | "T-OA-2H-CPULG" | "T-OA-2H-CPUSM" | "T-OA-2H-CPUUV" | "T-OA-6BRUSH-ORG-PB-KIT" | "T-OA-B110505" | "T-OA-B110807" | "T-OA-B111105" | "T-OA-BINRAIL-24-KIT" | "T-OA-BINRAIL-36-KIT" | "T-OA-BINRAIL-48-KIT" | "T-OA-DIM-MLIGHT-PB-KIT" | "T-OA-DRW-1512-2STK-KIT" | "T-OA-FOOTREST-RAIL-KIT" | "T-OA-KB-MOUSE-ARM" | "T-OA-MLIGHT-PB-KIT" | "T-OA-MMA-DUAL" | "T-OA-MMA-LAP" | "T-OA-MMA-LTAB" | "T-OA-MMA-PB" | "T-OA-MNT-ARM" | "T-OA-MNT-ARM-1EXT" | "T-OA-MNT-ARM-2EXT" | "T-OA-MNT-SINGLE-COMBO-PB" | "T-OA-PB-SS-1GLOVE" | "T-OA-PB-SS-1L-SHLF" | "T-OA-PB-SS-2G-SHLF" | "T-OA-PB-SS-2GLOVE" | "T-OA-PB-SS-3GLOVE" | "T-OA-PFW1218FM-KIT" | "T-OA-PFW1236FM-KIT" | "T-OA-PFW1818FM-KIT" | "T-OA-PPRACK-2066" | "T-OA-RAIL-SHELF-ADDER-LRG" | "T-OA-RAIL-SHELF-ADDER-SML" | "T-OA-SSSHELF-1812" | "T-OA-SSSHELF-1812-BOLT-ON-KIT" | "T-OA-SSSHELF-3612" | "T-OA-SSSHELF-3612-BOLT-ON-KIT" | "T-OA-SSSHELF-LGHT-1812-KIT" | "T-OA-SSSHELF-LGHT-3612-KIT" | "T-OA-TASKLIGHT-PB" | "T-OA-TASKLIGHT-PB-MAG-KIT" | "T-OA-WRK-FLW-PB" | "T2-AER-TUBEORG" | "T2-EYEWASH-FAUCET-MNT" | "T2-OA-AIRGUN-ROSETTE-KIT" | "T2-OA-AIRGUN-TURRET-KIT" | "T2-OA-BASIN-LIGHT-EDR-KIT" | "T2-OA-BASIN-LIGHT-ESK-KIT" | "T2-OA-CUST-SHELF-HA-LRG" | "T2-OA-CUST-SHELF-HA-SML" | "T2-OA-DI-GOOSENECK-FAUCET-KIT" | "T2-OA-DOSINGESK-BTMSHELF" | "T2-OA-LT-SSSHELF-LRG" | "T2-OA-LT-SSSHELF-SML" | "T2-OA-MS-1026" | "T2-OA-PO-SHLF-1212" | "T2-OA-PRE-RINSE-FAUCET-KIT" | "T2-OA-SC-2020-SS" | "T2-OA-SC-2420-SS" | "T2-OA-SC-3020-SS" | "T2-OA-SINK-STRAINER" | "T2-OA-STD-FAUCET-WB-KIT" | "T2-OA-WATERGUN-ROSETTE-KIT" | "T2-OA-WATERGUN-TURRET-KIT" | "T2-OHL-INSTRO-KIT";
                /** @default 1 */
                quantity?: number;
            }[];
            /** @description identifies the sink; unique within an order; 3 to 32 letters, digits, "-" or "_" */
            buildNumber: string;
        };
        /** WS wall shelf unit (demo product) configuration */
        ConfigurationWS: {
            /**
             * @description anchored to the wall, or clipped onto a 48 in wall rail
             * @default WALL
             * @enum {string}
             */
            mount?: "WALL" | "RAIL";
            /**
             * @description 304 stainless steel, or white powder-coated steel
             * @default SS304
             * @enum {string}
             */
            finish?: "SS304" | "WHITE";
            /**
             * @description the product line (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            product: "WS";
            /** @description how many shelves the unit has */
            shelves: number;
            /** @description the shelves' width: 36 and 48 in are stock, any other is made to measure; WS shelves are 24–72 in wide; unit: in; at most 2 decimals */
            widthIn: number;
            /** @description identifies the unit; unique within an order; 3 to 32 letters, digits, "-" or "_" */
            buildNumber: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                        version: string;
                        /** @enum {string} */
                        database: "postgres" | "pglite";
                        catalog: {
                            hash: string;
                            items: number;
                        } | null;
                        /** @description every product with active rules: served (loaded), or not and why (failed) */
                        products: {
                            product: string;
                            /** @description the active ruleset’s version */
                            version: number;
                            /** @enum {string} */
                            state: "loaded" | "failed";
                            /** @description why a failed product’s rules do not load */
                            reason?: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        checks: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocsSwaggerInitJs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocsByAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: "swagger-ui.css" | "swagger-ui-bundle.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css; charset=utf-8": unknown;
                    "text/javascript; charset=utf-8": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "sales",
                 *       "password": "demo-password-0123"
                 *     }
                 */
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description A signed token and when it expires */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        /** @constant */
                        tokenType: "Bearer";
                        expiresAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account is locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        displayName: string;
                        roles: string[];
                        permissions: string[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "demo-password-0123",
                 *       "password": "a-longer-new-passphrase"
                 *     }
                 */
                "application/json": {
                    currentPassword: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The password is changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users, by username */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            id: number;
                            username: string;
                            displayName: string;
                            email: string | null;
                            active: boolean;
                            locked: boolean;
                            lastLoginAt: string | null;
                            roles: ("ADMIN" | "SALES_MANAGER" | "PRODUCTION_MANAGER" | "QC_INSPECTOR" | "ASSEMBLY_TECHNICIAN" | "CUSTOMER_SERVICE")[];
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "jdoe",
                 *       "displayName": "Jane Doe",
                 *       "email": "jane.doe@example.com",
                 *       "password": "a-long-passphrase-1",
                 *       "roles": [
                 *         "SALES_MANAGER"
                 *       ]
                 *     }
                 */
                "application/json": {
                    username: string;
                    displayName: string;
                    /** Format: email */
                    email?: string;
                    password: string;
                    roles: ("ADMIN" | "SALES_MANAGER" | "PRODUCTION_MANAGER" | "QC_INSPECTOR" | "ASSEMBLY_TECHNICIAN" | "CUSTOMER_SERVICE")[];
                };
            };
        };
        responses: {
            /** @description The new user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        displayName: string;
                        email: string | null;
                        active: boolean;
                        locked: boolean;
                        lastLoginAt: string | null;
                        roles: ("ADMIN" | "SALES_MANAGER" | "PRODUCTION_MANAGER" | "QC_INSPECTOR" | "ASSEMBLY_TECHNICIAN" | "CUSTOMER_SERVICE")[];
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "displayName": "Jane Doe",
                 *       "roles": [
                 *         "SALES_MANAGER",
                 *         "CUSTOMER_SERVICE"
                 *       ]
                 *     }
                 */
                "application/json": {
                    displayName?: string;
                    email?: string | null;
                    roles?: ("ADMIN" | "SALES_MANAGER" | "PRODUCTION_MANAGER" | "QC_INSPECTOR" | "ASSEMBLY_TECHNICIAN" | "CUSTOMER_SERVICE")[];
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description The user as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        displayName: string;
                        email: string | null;
                        active: boolean;
                        locked: boolean;
                        lastLoginAt: string | null;
                        roles: ("ADMIN" | "SALES_MANAGER" | "PRODUCTION_MANAGER" | "QC_INSPECTOR" | "ASSEMBLY_TECHNICIAN" | "CUSTOMER_SERVICE")[];
                        createdAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postUsersByIdPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "a-long-passphrase-2"
                 *     }
                 */
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description The password is changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Categories in catalog order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        categories: {
                            code: string;
                            name: string;
                            description: string | null;
                            subcategories: {
                                code: string;
                                name: string;
                                description: string | null;
                                items: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getItems: {
        parameters: {
            query?: {
                /** @description words that ids or names start with */
                q?: string;
                /** @description a category code, e.g. 718 */
                category?: string;
                /** @description a subcategory code, e.g. 719.016 */
                subcategory?: string;
                type?: "part" | "assembly" | "custom";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of matching items: exact id first, then by relevance and id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "part" | "assembly" | "custom";
                            subcategoryCode: string | null;
                            /** @description only for users with financials:read */
                            unitPrice?: string | null;
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getItemsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the item id, percent-encoded: 8-32%20PAN%20HEAD%20SCREWS%201%2F2%22 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: "part" | "assembly" | "custom";
                        subcategoryCode: string | null;
                        /** @description only for users with financials:read */
                        unitPrice?: string | null;
                        aliases: string[];
                        attributes: {
                            [key: string]: unknown;
                        };
                        family?: string;
                        spec?: {
                            [key: string]: unknown;
                        };
                        components: {
                            id: string;
                            name: string;
                            quantity: number;
                            notes?: string;
                        }[];
                        usedIn: string[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getItemsByIdExplode: {
        parameters: {
            query?: {
                quantity?: string;
                flat?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                /** @description the item id, percent-encoded: 8-32%20PAN%20HEAD%20SCREWS%201%2F2%22 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tree (`tree`) or the flat list (`flat`, with `cost` for users with financials:read) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        quantity: string;
                        tree?: unknown;
                        flat?: {
                            id: string;
                            name: string;
                            quantity: string;
                        }[];
                        cost?: unknown;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getItemsByIdWhereUsed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the item id, percent-encoded: 8-32%20PAN%20HEAD%20SCREWS%201%2F2%22 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assemblies, with the quantity of the item in each */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        usedIn: unknown[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConfigurationsValidate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "configuration": {
                 *         "product": "T2",
                 *         "buildNumber": "34567",
                 *         "language": "EN",
                 *         "model": "T2-B2",
                 *         "sink": {
                 *           "lengthIn": 60,
                 *           "widthIn": 30,
                 *           "workflowDirection": "LEFT_TO_RIGHT"
                 *         },
                 *         "legs": {
                 *           "height": "ADJUSTABLE",
                 *           "model": "DL14"
                 *         },
                 *         "feet": "LEVELING_CASTERS",
                 *         "pegboard": {
                 *           "type": "PERFORATED",
                 *           "color": "BLUE",
                 *           "size": "SAME_AS_SINK"
                 *         },
                 *         "basins": [
                 *           {
                 *             "type": "E_SINK",
                 *             "size": "30X20X10",
                 *             "pTrap": false,
                 *             "light": true
                 *           },
                 *           {
                 *             "type": "E_DRAIN",
                 *             "size": "24X20X10",
                 *             "pTrap": true,
                 *             "light": false
                 *           }
                 *         ],
                 *         "faucets": [
                 *           {
                 *             "type": "WRIST_BLADE",
                 *             "quantity": 1,
                 *             "placement": "BETWEEN_BASINS_1_2"
                 *           }
                 *         ],
                 *         "sprayers": [
                 *           {
                 *             "type": "AIR_GUN_TURRET",
                 *             "quantity": 1,
                 *             "location": "LEFT"
                 *           }
                 *         ],
                 *         "accessories": [
                 *           {
                 *             "id": "T-OA-BINRAIL-36-KIT",
                 *             "quantity": 3
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    configuration: components["schemas"]["Configuration"];
                };
            };
        };
        responses: {
            /** @description `ok` is false when a finding is an error */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        findings: {
                            /** @enum {string} */
                            severity: "error" | "warning" | "notice";
                            path: string;
                            message: string;
                            rule: string;
                            code?: string;
                            hint?: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConfigurationsOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "configuration": {
                 *         "product": "T2",
                 *         "buildNumber": "B1-MIN-001",
                 *         "model": "T2-B1",
                 *         "sink": {
                 *           "lengthIn": 48,
                 *           "widthIn": 30
                 *         },
                 *         "legs": {
                 *           "height": "ADJUSTABLE",
                 *           "model": "DL27"
                 *         },
                 *         "feet": "LEVELING_CASTERS",
                 *         "basins": [
                 *           {
                 *             "type": "E_DRAIN",
                 *             "size": "20X20X8"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    configuration: components["schemas"]["Configuration"];
                };
            };
        };
        responses: {
            /** @description Each option’s possible values (numbers as intervals) and each ruled-out value’s reasons (docs/options.md) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        product: string;
                        options: unknown[];
                        problems: {
                            /** @enum {string} */
                            severity: "error" | "warning" | "notice";
                            path: string;
                            message: string;
                            rule: string;
                            code?: string;
                            hint?: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConfigurationsExplain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "configuration": {
                 *         "product": "T2",
                 *         "buildNumber": "34567",
                 *         "language": "EN",
                 *         "model": "T2-B2",
                 *         "sink": {
                 *           "lengthIn": 60,
                 *           "widthIn": 30,
                 *           "workflowDirection": "LEFT_TO_RIGHT"
                 *         },
                 *         "legs": {
                 *           "height": "ADJUSTABLE",
                 *           "model": "DL14"
                 *         },
                 *         "feet": "LEVELING_CASTERS",
                 *         "pegboard": {
                 *           "type": "PERFORATED",
                 *           "color": "BLUE",
                 *           "size": "SAME_AS_SINK"
                 *         },
                 *         "basins": [
                 *           {
                 *             "type": "E_SINK",
                 *             "size": "30X20X10",
                 *             "pTrap": false,
                 *             "light": true
                 *           },
                 *           {
                 *             "type": "E_DRAIN",
                 *             "size": "24X20X10",
                 *             "pTrap": true,
                 *             "light": false
                 *           }
                 *         ],
                 *         "faucets": [
                 *           {
                 *             "type": "WRIST_BLADE",
                 *             "quantity": 1,
                 *             "placement": "BETWEEN_BASINS_1_2"
                 *           }
                 *         ],
                 *         "sprayers": [
                 *           {
                 *             "type": "AIR_GUN_TURRET",
                 *             "quantity": 1,
                 *             "location": "LEFT"
                 *           }
                 *         ],
                 *         "accessories": [
                 *           {
                 *             "id": "T-OA-BINRAIL-36-KIT",
                 *             "quantity": 3
                 *           }
                 *         ]
                 *       },
                 *       "items": [
                 *         "T2-BSN-ESK-KIT"
                 *       ]
                 *     }
                 */
                "application/json": {
                    configuration: components["schemas"]["Configuration"];
                    /** @description item ids to explain */
                    items: string[];
                    /** @description also list the rules that fired but gave another id (default false) */
                    all?: boolean;
                };
            };
        };
        responses: {
            /** @description One explanation per item, in the order asked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        explanations: unknown[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postBoms: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "configuration": {
                 *         "product": "T2",
                 *         "buildNumber": "34567",
                 *         "language": "EN",
                 *         "model": "T2-B2",
                 *         "sink": {
                 *           "lengthIn": 60,
                 *           "widthIn": 30,
                 *           "workflowDirection": "LEFT_TO_RIGHT"
                 *         },
                 *         "legs": {
                 *           "height": "ADJUSTABLE",
                 *           "model": "DL14"
                 *         },
                 *         "feet": "LEVELING_CASTERS",
                 *         "pegboard": {
                 *           "type": "PERFORATED",
                 *           "color": "BLUE",
                 *           "size": "SAME_AS_SINK"
                 *         },
                 *         "basins": [
                 *           {
                 *             "type": "E_SINK",
                 *             "size": "30X20X10",
                 *             "pTrap": false,
                 *             "light": true
                 *           },
                 *           {
                 *             "type": "E_DRAIN",
                 *             "size": "24X20X10",
                 *             "pTrap": true,
                 *             "light": false
                 *           }
                 *         ],
                 *         "faucets": [
                 *           {
                 *             "type": "WRIST_BLADE",
                 *             "quantity": 1,
                 *             "placement": "BETWEEN_BASINS_1_2"
                 *           }
                 *         ],
                 *         "sprayers": [
                 *           {
                 *             "type": "AIR_GUN_TURRET",
                 *             "quantity": 1,
                 *             "location": "LEFT"
                 *           }
                 *         ],
                 *         "accessories": [
                 *           {
                 *             "id": "T-OA-BINRAIL-36-KIT",
                 *             "quantity": 3
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    configuration: components["schemas"]["Configuration"];
                };
            };
        };
        responses: {
            /** @description The stored BOM (200 when it was stored before) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        configurationId: number;
                        revision: number;
                        createdAt: string;
                        frozen: boolean;
                        /** @description the BOM document (docs/bom.md) */
                        document: {
                            [key: string]: unknown;
                        };
                        /** @description only for users with financials:read */
                        cost?: unknown;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The configuration is not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBomsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The BOM; the CSV has costs only for users with financials:read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        configurationId: number;
                        revision: number;
                        createdAt: string;
                        frozen: boolean;
                        /** @description the BOM document (docs/bom.md) */
                        document: {
                            [key: string]: unknown;
                        };
                        /** @description only for users with financials:read */
                        cost?: unknown;
                    };
                    "text/csv": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not acceptable */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBomsByIdDiffByOtherId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                otherId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The differences from `id` to `otherId` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: number;
                        to: number;
                        lines: unknown;
                        flat: unknown;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomers: {
        parameters: {
            query?: {
                q?: string;
                status?: "ACTIVE" | "INACTIVE" | "BLOCKED";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of customers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customers: {
                            id: number;
                            code: string | null;
                            name: string;
                            contactName: string | null;
                            email: string | null;
                            phone: string | null;
                            address: string | null;
                            billingAddress: {
                                lines: string[];
                                city: string;
                                region?: string;
                                postalCode?: string;
                                country: string;
                            } | null;
                            shippingAddress: {
                                lines: string[];
                                city: string;
                                region?: string;
                                postalCode?: string;
                                country: string;
                            } | null;
                            paymentTermsDays: number;
                            taxExempt: boolean;
                            erpId: string | null;
                            /** @enum {string} */
                            status: "ACTIVE" | "INACTIVE" | "BLOCKED";
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCustomers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Northside Clinic",
                 *       "contactName": "Ann Lee",
                 *       "email": "purchasing@northside.example",
                 *       "paymentTermsDays": 30
                 *     }
                 */
                "application/json": {
                    code?: string;
                    name: string;
                    contactName?: string | null;
                    /** Format: email */
                    email?: string;
                    phone?: string;
                    address?: string;
                    billingAddress?: {
                        lines: string[];
                        city: string;
                        region?: string;
                        postalCode?: string;
                        country: string;
                    } | null;
                    shippingAddress?: {
                        lines: string[];
                        city: string;
                        region?: string;
                        postalCode?: string;
                        country: string;
                    } | null;
                    /** @default 30 */
                    paymentTermsDays?: number;
                    /** @default false */
                    taxExempt?: boolean;
                    erpId?: string | null;
                    /**
                     * @default ACTIVE
                     * @enum {string}
                     */
                    status?: "ACTIVE" | "INACTIVE" | "BLOCKED";
                };
            };
        };
        responses: {
            /** @description The new customer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string | null;
                        name: string;
                        contactName: string | null;
                        email: string | null;
                        phone: string | null;
                        address: string | null;
                        billingAddress: {
                            lines: string[];
                            city: string;
                            region?: string;
                            postalCode?: string;
                            country: string;
                        } | null;
                        shippingAddress: {
                            lines: string[];
                            city: string;
                            region?: string;
                            postalCode?: string;
                            country: string;
                        } | null;
                        paymentTermsDays: number;
                        taxExempt: boolean;
                        erpId: string | null;
                        /** @enum {string} */
                        status: "ACTIVE" | "INACTIVE" | "BLOCKED";
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string | null;
                        name: string;
                        contactName: string | null;
                        email: string | null;
                        phone: string | null;
                        address: string | null;
                        billingAddress: {
                            lines: string[];
                            city: string;
                            region?: string;
                            postalCode?: string;
                            country: string;
                        } | null;
                        shippingAddress: {
                            lines: string[];
                            city: string;
                            region?: string;
                            postalCode?: string;
                            country: string;
                        } | null;
                        paymentTermsDays: number;
                        taxExempt: boolean;
                        erpId: string | null;
                        /** @enum {string} */
                        status: "ACTIVE" | "INACTIVE" | "BLOCKED";
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCustomersById: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "contactName": "Ann Lee",
                 *       "paymentTermsDays": 45
                 *     }
                 */
                "application/json": {
                    version?: number;
                    code?: string;
                    name?: string;
                    contactName?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    address?: string | null;
                    billingAddress?: {
                        lines: string[];
                        city: string;
                        region?: string;
                        postalCode?: string;
                        country: string;
                    } | null;
                    shippingAddress?: {
                        lines: string[];
                        city: string;
                        region?: string;
                        postalCode?: string;
                        country: string;
                    } | null;
                    paymentTermsDays?: number;
                    taxExempt?: boolean;
                    erpId?: string | null;
                    /** @enum {string} */
                    status?: "ACTIVE" | "INACTIVE" | "BLOCKED";
                };
            };
        };
        responses: {
            /** @description The customer as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string | null;
                        name: string;
                        contactName: string | null;
                        email: string | null;
                        phone: string | null;
                        address: string | null;
                        billingAddress: {
                            lines: string[];
                            city: string;
                            region?: string;
                            postalCode?: string;
                            country: string;
                        } | null;
                        shippingAddress: {
                            lines: string[];
                            city: string;
                            region?: string;
                            postalCode?: string;
                            country: string;
                        } | null;
                        paymentTermsDays: number;
                        taxExempt: boolean;
                        erpId: string | null;
                        /** @enum {string} */
                        status: "ACTIVE" | "INACTIVE" | "BLOCKED";
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersSummary: {
        parameters: {
            query?: {
                /** @description part of an order number, PO number or customer name */
                q?: string;
                phase?: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                priority?: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                customerId?: number;
                dueFrom?: string;
                dueTo?: string;
                late?: "true" | "false";
                /** @description true: orders with an NCR not yet verified or rejected */
                openNcrs?: "true" | "false";
                sort?: "created" | "-created" | "number" | "-number" | "due" | "-due" | "priority" | "-priority" | "phase" | "-phase" | "-daysInPhase" | "daysInPhase" | "total" | "-total";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orders: {
                            id: number;
                            number: string;
                            customer: {
                                id: number;
                                code: string | null;
                                name: string;
                            };
                            poNumber: string | null;
                            type: string;
                            /** @enum {string} */
                            phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                            priority: string;
                            orderDate: string | null;
                            requestedDate: string | null;
                            dueDate: string | null;
                            promisedDate: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                            phaseSince: string;
                            daysInPhase: number;
                            late: boolean;
                            sinks: number;
                            tasks: {
                                completed: number;
                                total: number;
                            };
                            completionPercent: number | null;
                            openNcrs: number;
                            /** @description with financials:read only: the total stored at approval */
                            money?: {
                                currency: string;
                                total: string | null;
                            };
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrders: {
        parameters: {
            query?: {
                /** @description part of an order number, PO number or customer name */
                q?: string;
                phase?: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                customerId?: number;
                priority?: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                createdFrom?: string;
                createdTo?: string;
                dueFrom?: string;
                dueTo?: string;
                sort?: "created" | "-created" | "number" | "-number" | "due" | "-due" | "priority" | "-priority";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orders: {
                            id: number;
                            number: string;
                            customer: string;
                            poNumber: string | null;
                            priority: string;
                            phase: string;
                            dueDate: string | null;
                            createdAt: string;
                            version: number;
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrders: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customerId": 1,
                 *       "poNumber": "PO-2041",
                 *       "priority": "NORMAL",
                 *       "requestedDate": "2027-03-01"
                 *     }
                 */
                "application/json": {
                    customerId: number;
                    poNumber?: string;
                    /**
                     * @default STANDARD
                     * @enum {string}
                     */
                    type?: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                    /**
                     * @default NORMAL
                     * @enum {string}
                     */
                    priority?: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                    /**
                     * Format: date
                     * @description default: today (UTC)
                     */
                    orderDate?: string;
                    /** Format: date */
                    requestedDate?: string;
                    /** Format: date */
                    dueDate?: string;
                    /** Format: date */
                    promisedDate?: string;
                    assigneeId?: number;
                    /**
                     * @default EN
                     * @enum {string}
                     */
                    language?: "EN" | "FR" | "SP";
                    specialInstructions?: string;
                    notes?: string;
                    currency?: string;
                    discountPercent?: string;
                    taxRatePercent?: string;
                    shippingAmount?: string;
                };
            };
        };
        responses: {
            /** @description The new order */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrdersById: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "priority": "HIGH",
                 *       "notes": "Deliver to the loading dock."
                 *     }
                 */
                "application/json": {
                    /** @description the version you read (or send If-Match) */
                    version?: number;
                    poNumber?: string | null;
                    /** @enum {string} */
                    type?: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                    /** @enum {string} */
                    priority?: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                    /** Format: date */
                    orderDate?: string;
                    requestedDate?: string | null;
                    dueDate?: string | null;
                    promisedDate?: string | null;
                    deliveredDate?: string | null;
                    assigneeId?: number | null;
                    /** @enum {string} */
                    language?: "EN" | "FR" | "SP";
                    specialInstructions?: string | null;
                    notes?: string | null;
                    currency?: string;
                    discountPercent?: string;
                    taxRatePercent?: string;
                    shippingAmount?: string;
                };
            };
        };
        responses: {
            /** @description The order as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrdersByIdItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "buildNumber": "34567",
                 *       "configuration": {
                 *         "product": "T2",
                 *         "language": "EN",
                 *         "model": "T2-B2",
                 *         "sink": {
                 *           "lengthIn": 60,
                 *           "widthIn": 30,
                 *           "workflowDirection": "LEFT_TO_RIGHT"
                 *         },
                 *         "legs": {
                 *           "height": "ADJUSTABLE",
                 *           "model": "DL14"
                 *         },
                 *         "feet": "LEVELING_CASTERS",
                 *         "pegboard": {
                 *           "type": "PERFORATED",
                 *           "color": "BLUE",
                 *           "size": "SAME_AS_SINK"
                 *         },
                 *         "basins": [
                 *           {
                 *             "type": "E_SINK",
                 *             "size": "30X20X10",
                 *             "pTrap": false,
                 *             "light": true
                 *           },
                 *           {
                 *             "type": "E_DRAIN",
                 *             "size": "24X20X10",
                 *             "pTrap": true,
                 *             "light": false
                 *           }
                 *         ],
                 *         "faucets": [
                 *           {
                 *             "type": "WRIST_BLADE",
                 *             "quantity": 1,
                 *             "placement": "BETWEEN_BASINS_1_2"
                 *           }
                 *         ],
                 *         "sprayers": [
                 *           {
                 *             "type": "AIR_GUN_TURRET",
                 *             "quantity": 1,
                 *             "location": "LEFT"
                 *           }
                 *         ],
                 *         "accessories": [
                 *           {
                 *             "id": "T-OA-BINRAIL-36-KIT",
                 *             "quantity": 3
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description the version you read (or send If-Match) */
                    version?: number;
                    buildNumber: string;
                    configuration: components["schemas"]["Configuration"];
                };
            };
        };
        responses: {
            /** @description The order with the new item */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The configuration is not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putOrdersByIdItemsByItemId: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
            };
            path: {
                id: number;
                itemId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 2,
                 *       "configuration": {
                 *         "product": "T2",
                 *         "language": "EN",
                 *         "model": "T2-B2",
                 *         "sink": {
                 *           "lengthIn": 60,
                 *           "widthIn": 30,
                 *           "workflowDirection": "LEFT_TO_RIGHT"
                 *         },
                 *         "legs": {
                 *           "height": "ADJUSTABLE",
                 *           "model": "DL14"
                 *         },
                 *         "feet": "LEVELING_CASTERS",
                 *         "pegboard": {
                 *           "type": "PERFORATED",
                 *           "color": "BLUE",
                 *           "size": "SAME_AS_SINK"
                 *         },
                 *         "basins": [
                 *           {
                 *             "type": "E_SINK",
                 *             "size": "30X20X10",
                 *             "pTrap": false,
                 *             "light": true
                 *           },
                 *           {
                 *             "type": "E_DRAIN",
                 *             "size": "24X20X10",
                 *             "pTrap": true,
                 *             "light": false
                 *           }
                 *         ],
                 *         "faucets": [
                 *           {
                 *             "type": "WRIST_BLADE",
                 *             "quantity": 1,
                 *             "placement": "BETWEEN_BASINS_1_2"
                 *           }
                 *         ],
                 *         "sprayers": [
                 *           {
                 *             "type": "AIR_GUN_TURRET",
                 *             "quantity": 1,
                 *             "location": "LEFT"
                 *           }
                 *         ],
                 *         "accessories": [
                 *           {
                 *             "id": "T-OA-BINRAIL-36-KIT",
                 *             "quantity": 3
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description the version you read (or send If-Match) */
                    version?: number;
                    configuration: components["schemas"]["Configuration"];
                };
            };
        };
        responses: {
            /** @description The order as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The configuration is not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrdersByIdItemsByItemId: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
            };
            path: {
                id: number;
                itemId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order without the item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdBom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consolidated BOM (with costs for users with financials:read) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order: string;
                        builds: string[];
                        lines: unknown[];
                        flat: unknown[];
                        cost?: unknown;
                    };
                    "text/csv": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrdersByIdTransitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "CONFIGURATION",
                 *       "version": 1
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    to: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                    reason?: string;
                    /** @description the version you read (or send If-Match) */
                    version?: number;
                    /** @description moving to SHIPPING */
                    carrier?: string;
                    /** @description moving to SHIPPING */
                    trackingNumber?: string;
                    /**
                     * Format: date
                     * @description moving to SHIPPING
                     */
                    shipDate?: string;
                    /**
                     * Format: date
                     * @description moving to DELIVERED
                     */
                    deliveredDate?: string;
                };
            };
        };
        responses: {
            /** @description The order in its new phase */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        number: string;
                        customer: {
                            id: number;
                            name: string;
                        };
                        poNumber: string | null;
                        /** @enum {string} */
                        type: "STANDARD" | "CUSTOM" | "RUSH" | "PROTOTYPE";
                        /** @enum {string} */
                        priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
                        /** @enum {string} */
                        phase: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                        phaseSince: string;
                        version: number;
                        orderDate: string | null;
                        requestedDate: string | null;
                        dueDate: string | null;
                        promisedDate: string | null;
                        deliveredDate: string | null;
                        assignee: {
                            id: number;
                            username: string;
                        } | null;
                        /** @enum {string} */
                        language: "EN" | "FR" | "SP";
                        specialInstructions: string | null;
                        notes: string | null;
                        shipping: {
                            carrier: string | null;
                            trackingNumber: string | null;
                            shipDate: string | null;
                            deliveredDate: string | null;
                        };
                        /** @description with financials:read only; the amounts are stored at approval */
                        money?: {
                            currency: string;
                            discountPercent: string;
                            taxRatePercent: string;
                            shippingAmount: string;
                            subtotal: string | null;
                            discountAmount: string | null;
                            taxAmount: string | null;
                            total: string | null;
                            pricedAt: string | null;
                        };
                        createdAt: string;
                        updatedAt: string;
                        moves: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED")[];
                        items: {
                            id: number;
                            buildNumber: string;
                            configurationId: number | null;
                            bomId: number | null;
                            bomRevision: number | null;
                            frozen: boolean;
                            unitPrice?: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The moves, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        history: {
                            from: ("DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED") | null;
                            /** @enum {string} */
                            to: "DRAFT" | "CONFIGURATION" | "APPROVAL" | "PRODUCTION" | "QUALITY_CONTROL" | "PACKAGING" | "SHIPPING" | "DELIVERED" | "CANCELLED";
                            user: string | null;
                            reason: string | null;
                            hoursInPhase: string | null;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdQuote: {
        parameters: {
            query?: {
                format?: "json" | "html";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        format: "torvan-quote/1";
                    } & {
                        [key: string]: unknown;
                    };
                    "text/html": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not acceptable */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId: number;
                        number: string;
                        phase: string;
                        tasks: {
                            done: number;
                            cancelled: number;
                            total: number;
                        };
                        hours: {
                            estimated: string;
                            actual: string;
                        };
                        moves: {
                            to: string;
                            permission: string;
                            blockedBy: {
                                guard: string;
                                detail: string;
                            }[];
                        }[];
                        sinks: {
                            orderItemId: number;
                            buildNumber: string;
                            tasks: {
                                done: number;
                                cancelled: number;
                                total: number;
                            };
                            hours: {
                                estimated: string;
                                actual: string;
                            };
                            finalInspection: {
                                id: number;
                                status: string;
                                result: string | null;
                                approval: string | null;
                            } | null;
                            /** @description what on this sink stops the order’s next move */
                            blocking: string[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTasks: {
        parameters: {
            query?: {
                orderId?: number;
                status?: "PENDING" | "IN_PROGRESS" | "COMPLETED" | "ON_HOLD" | "CANCELLED";
                assigneeId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tasks, by order, build and plan order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tasks: {
                            id: number;
                            orderId: number;
                            orderNumber: string;
                            orderItemId: number;
                            buildNumber: string;
                            key: string;
                            name: string;
                            dependsOn: string[];
                            /** @enum {string} */
                            status: "PENDING" | "IN_PROGRESS" | "COMPLETED" | "ON_HOLD" | "CANCELLED";
                            assigneeId: number | null;
                            estimatedHours: string | null;
                            actualHours: string | null;
                            progress: number;
                            version: number;
                            startedAt: string | null;
                            completedAt: string | null;
                            type: string | null;
                            sequence: number | null;
                            description: string | null;
                            workInstructions: string | null;
                            requiredTools: string[];
                            safetyNotes: string | null;
                            qcTemplate: string | null;
                            qcKind: string | null;
                            documentTypes: string[];
                            assignedBy: number | null;
                            assignedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTasksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task with its documents, notes and inspections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderId: number;
                        orderNumber: string;
                        orderItemId: number;
                        buildNumber: string;
                        key: string;
                        name: string;
                        dependsOn: string[];
                        /** @enum {string} */
                        status: "PENDING" | "IN_PROGRESS" | "COMPLETED" | "ON_HOLD" | "CANCELLED";
                        assigneeId: number | null;
                        estimatedHours: string | null;
                        actualHours: string | null;
                        progress: number;
                        version: number;
                        startedAt: string | null;
                        completedAt: string | null;
                        type: string | null;
                        sequence: number | null;
                        description: string | null;
                        workInstructions: string | null;
                        requiredTools: string[];
                        safetyNotes: string | null;
                        qcTemplate: string | null;
                        qcKind: string | null;
                        documentTypes: string[];
                        assignedBy: number | null;
                        assignedAt: string | null;
                        /** @description the task’s own documents, and the sink’s and order’s of the types the task shows */
                        documents: {
                            [key: string]: unknown;
                        }[];
                        notes: {
                            id: number;
                            /** @enum {string} */
                            kind: "NOTE" | "PROBLEM";
                            text: string;
                            ncrId: number | null;
                            user: string | null;
                            at: string;
                        }[];
                        inspections: {
                            id: number;
                            status: string;
                            result: string | null;
                            approval: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchTasksById: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "status": "IN_PROGRESS",
                 *       "progress": 10
                 *     }
                 */
                "application/json": {
                    /** @description or the If-Match header */
                    version?: number;
                    /** @enum {string} */
                    status?: "PENDING" | "IN_PROGRESS" | "COMPLETED" | "ON_HOLD" | "CANCELLED";
                    progress?: number;
                    actualHours?: number;
                    assigneeId?: number | null;
                };
            };
        };
        responses: {
            /** @description The task as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderId: number;
                        orderNumber: string;
                        orderItemId: number;
                        buildNumber: string;
                        key: string;
                        name: string;
                        dependsOn: string[];
                        /** @enum {string} */
                        status: "PENDING" | "IN_PROGRESS" | "COMPLETED" | "ON_HOLD" | "CANCELLED";
                        assigneeId: number | null;
                        estimatedHours: string | null;
                        actualHours: string | null;
                        progress: number;
                        version: number;
                        startedAt: string | null;
                        completedAt: string | null;
                        type: string | null;
                        sequence: number | null;
                        description: string | null;
                        workInstructions: string | null;
                        requiredTools: string[];
                        safetyNotes: string | null;
                        qcTemplate: string | null;
                        qcKind: string | null;
                        documentTypes: string[];
                        assignedBy: number | null;
                        assignedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postTasksByIdNotes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "NOTE",
                 *       "text": "Basin 2 drain fitted."
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    kind: "NOTE" | "PROBLEM";
                    text: string;
                    /** @description with a PROBLEM: raise an NCR of this severity on the task’s sink */
                    ncr?: {
                        /** @enum {string} */
                        severity: "CRITICAL" | "MAJOR" | "MINOR";
                    };
                };
            };
        };
        responses: {
            /** @description The note, and the NCR it raised */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        ncrId: number | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQcTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates with their definitions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        templates: {
                            id: number;
                            code: string;
                            version: string;
                            formCode: string;
                            name: string;
                            kind: string;
                            definition: unknown;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrderItemsByIdInspections: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description the template code, e.g. t2-final-qc (with taskId: the task’s form) */
                    template?: string;
                    /** @description the template version; the latest (V10 after V9) by default */
                    version?: string;
                    /** @description the production task this inspection fills in, e.g. the Pre-QC task */
                    taskId?: number;
                    /** @description a re-inspection after rework: the NCR it verifies */
                    verifiesNcrId?: number;
                };
            };
        };
        responses: {
            /** @description The new inspection */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderItemId: number;
                        template: {
                            code: string;
                            version: string;
                            formCode: string;
                            name: string;
                            kind: string;
                        };
                        /** @enum {string} */
                        status: "IN_PROGRESS" | "SUBMITTED";
                        result: ("PASS" | "FAIL" | "CONDITIONAL_PASS") | null;
                        inspector: string | null;
                        signature: string | null;
                        startedAt: string;
                        submittedAt: string | null;
                        taskId: number | null;
                        verifiesNcrId: number | null;
                        passPercentage: string | null;
                        score: {
                            [key: string]: number;
                        } | null;
                        requiresApproval: boolean;
                        approval: {
                            /** @enum {string} */
                            status: "PENDING" | "APPROVED" | "REJECTED";
                            approver: string | null;
                            at: string | null;
                            note: string | null;
                        } | null;
                        items: {
                            key: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            value: unknown | null;
                            notApplicable: boolean;
                            passed: boolean | null;
                            notes: string | null;
                        }[];
                        photos: {
                            id: number;
                            row: string | null;
                            filename: string;
                            sha256: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInspectionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inspection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderItemId: number;
                        template: {
                            code: string;
                            version: string;
                            formCode: string;
                            name: string;
                            kind: string;
                        };
                        /** @enum {string} */
                        status: "IN_PROGRESS" | "SUBMITTED";
                        result: ("PASS" | "FAIL" | "CONDITIONAL_PASS") | null;
                        inspector: string | null;
                        signature: string | null;
                        startedAt: string;
                        submittedAt: string | null;
                        taskId: number | null;
                        verifiesNcrId: number | null;
                        passPercentage: string | null;
                        score: {
                            [key: string]: number;
                        } | null;
                        requiresApproval: boolean;
                        approval: {
                            /** @enum {string} */
                            status: "PENDING" | "APPROVED" | "REJECTED";
                            approver: string | null;
                            at: string | null;
                            note: string | null;
                        } | null;
                        items: {
                            key: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            value: unknown | null;
                            notApplicable: boolean;
                            passed: boolean | null;
                            notes: string | null;
                        }[];
                        photos: {
                            id: number;
                            row: string | null;
                            filename: string;
                            sha256: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putInspectionsByIdItemsByKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "value": true,
                 *       "notes": "Checked with the gauge."
                 *     }
                 */
                "application/json": {
                    value: boolean | number | string | {
                        option: string;
                        text?: string;
                    };
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description The row as recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        value: unknown;
                        /** @enum {string} */
                        outcome: "PASS" | "FAIL" | "NA";
                        deviation?: number;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The configuration is not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInspectionsByIdSubmit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signature": "Q. Inspector"
                 *     }
                 */
                "application/json": {
                    /** @description the inspector’s name or initials */
                    signature: string;
                };
            };
        };
        responses: {
            /** @description The submitted inspection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderItemId: number;
                        template: {
                            code: string;
                            version: string;
                            formCode: string;
                            name: string;
                            kind: string;
                        };
                        /** @enum {string} */
                        status: "IN_PROGRESS" | "SUBMITTED";
                        result: ("PASS" | "FAIL" | "CONDITIONAL_PASS") | null;
                        inspector: string | null;
                        signature: string | null;
                        startedAt: string;
                        submittedAt: string | null;
                        taskId: number | null;
                        verifiesNcrId: number | null;
                        passPercentage: string | null;
                        score: {
                            [key: string]: number;
                        } | null;
                        requiresApproval: boolean;
                        approval: {
                            /** @enum {string} */
                            status: "PENDING" | "APPROVED" | "REJECTED";
                            approver: string | null;
                            at: string | null;
                            note: string | null;
                        } | null;
                        items: {
                            key: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            value: unknown | null;
                            notApplicable: boolean;
                            passed: boolean | null;
                            notes: string | null;
                        }[];
                        photos: {
                            id: number;
                            row: string | null;
                            filename: string;
                            sha256: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInspectionsByIdApproval: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "APPROVE",
                 *       "note": "All rows pass."
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    decision: "APPROVE" | "REJECT";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The inspection as decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderItemId: number;
                        template: {
                            code: string;
                            version: string;
                            formCode: string;
                            name: string;
                            kind: string;
                        };
                        /** @enum {string} */
                        status: "IN_PROGRESS" | "SUBMITTED";
                        result: ("PASS" | "FAIL" | "CONDITIONAL_PASS") | null;
                        inspector: string | null;
                        signature: string | null;
                        startedAt: string;
                        submittedAt: string | null;
                        taskId: number | null;
                        verifiesNcrId: number | null;
                        passPercentage: string | null;
                        score: {
                            [key: string]: number;
                        } | null;
                        requiresApproval: boolean;
                        approval: {
                            /** @enum {string} */
                            status: "PENDING" | "APPROVED" | "REJECTED";
                            approver: string | null;
                            at: string | null;
                            note: string | null;
                        } | null;
                        items: {
                            key: string;
                            definition: {
                                [key: string]: unknown;
                            };
                            value: unknown | null;
                            notApplicable: boolean;
                            passed: boolean | null;
                            notes: string | null;
                        }[];
                        photos: {
                            id: number;
                            row: string | null;
                            filename: string;
                            sha256: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInspectionsByIdPhotos: {
        parameters: {
            query?: {
                filename?: string;
                /** @description the key of the row the photo shows */
                row?: string;
            };
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            /** @description The stored photo */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        row: string | null;
                        sha256: string;
                        size: number;
                        url: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                entity?: string;
                entityId?: string;
                userId?: number;
                action?: string;
                from?: string;
                to?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            at: string;
                            user: {
                                id: number;
                                username: string;
                            } | null;
                            /** @description the username as typed, where there is no user */
                            actor: string | null;
                            action: string;
                            entity: string;
                            entityId: string | null;
                            before: unknown;
                            after: unknown;
                            /** @description the top-level fields whose values differ */
                            changed: string[];
                            requestId: string | null;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
                        /** @description pass as cursor for the next (older) page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdAudit: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            at: string;
                            user: {
                                id: number;
                                username: string;
                            } | null;
                            /** @description the username as typed, where there is no user */
                            actor: string | null;
                            action: string;
                            entity: string;
                            entityId: string | null;
                            before: unknown;
                            after: unknown;
                            /** @description the top-level fields whose values differ */
                            changed: string[];
                            requestId: string | null;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
                        /** @description pass as cursor for the next (older) page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomersByIdAudit: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            at: string;
                            user: {
                                id: number;
                                username: string;
                            } | null;
                            /** @description the username as typed, where there is no user */
                            actor: string | null;
                            action: string;
                            entity: string;
                            entityId: string | null;
                            before: unknown;
                            after: unknown;
                            /** @description the top-level fields whose values differ */
                            changed: string[];
                            requestId: string | null;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
                        /** @description pass as cursor for the next (older) page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUsersByIdAudit: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            at: string;
                            user: {
                                id: number;
                                username: string;
                            } | null;
                            /** @description the username as typed, where there is no user */
                            actor: string | null;
                            action: string;
                            entity: string;
                            entityId: string | null;
                            before: unknown;
                            after: unknown;
                            /** @description the top-level fields whose values differ */
                            changed: string[];
                            requestId: string | null;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
                        /** @description pass as cursor for the next (older) page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBomsByIdAudit: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            id: number;
                            at: string;
                            user: {
                                id: number;
                                username: string;
                            } | null;
                            /** @description the username as typed, where there is no user */
                            actor: string | null;
                            action: string;
                            entity: string;
                            entityId: string | null;
                            before: unknown;
                            after: unknown;
                            /** @description the top-level fields whose values differ */
                            changed: string[];
                            requestId: string | null;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
                        /** @description pass as cursor for the next (older) page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocuments: {
        parameters: {
            query?: {
                orderId?: number;
                orderItemId?: number;
                taskId?: number;
                inspectionId?: number;
                /** @description with inspectionId: the row a photo shows */
                row?: string;
                catalogItemId?: string;
                type?: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                status?: "DRAFT" | "APPROVED" | "OBSOLETE";
                tag?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        documents: {
                            id: number;
                            /** @enum {string} */
                            type: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                            title: string;
                            description: string | null;
                            tags: string[];
                            status: string;
                            statusBy: string | null;
                            statusAt: string | null;
                            /** @enum {string} */
                            access: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                            attachedTo: {
                                kind: string;
                                id: number | string;
                                row?: string;
                            };
                            version: number;
                            filename: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            url: string;
                            uploadedBy: string | null;
                            createdAt: string;
                            updatedAt: string;
                            versions: {
                                version: number;
                                filename: string;
                                mediaType: string;
                                size: number;
                                sha256: string;
                                uploadedBy: string | null;
                                createdAt: string;
                                url: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postDocuments: {
        parameters: {
            query: {
                type: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                title: string;
                filename: string;
                description?: string;
                /** @description comma-separated */
                tags?: string;
                access?: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                orderId?: number;
                orderItemId?: number;
                taskId?: number;
                inspectionId?: number;
                /** @description with inspectionId: the row a photo shows */
                row?: string;
                catalogItemId?: string;
            };
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "image/gif": string;
                "image/tiff": string;
            };
        };
        responses: {
            /** @description The stored document */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        type: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                        title: string;
                        description: string | null;
                        tags: string[];
                        status: string;
                        statusBy: string | null;
                        statusAt: string | null;
                        /** @enum {string} */
                        access: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                        attachedTo: {
                            kind: string;
                            id: number | string;
                            row?: string;
                        };
                        version: number;
                        filename: string;
                        mediaType: string;
                        size: number;
                        sha256: string;
                        url: string;
                        uploadedBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        versions: {
                            version: number;
                            filename: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: string | null;
                            createdAt: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        type: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                        title: string;
                        description: string | null;
                        tags: string[];
                        status: string;
                        statusBy: string | null;
                        statusAt: string | null;
                        /** @enum {string} */
                        access: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                        attachedTo: {
                            kind: string;
                            id: number | string;
                            row?: string;
                        };
                        version: number;
                        filename: string;
                        mediaType: string;
                        size: number;
                        sha256: string;
                        url: string;
                        uploadedBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        versions: {
                            version: number;
                            filename: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: string | null;
                            createdAt: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchDocumentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "T2 assembly drawing",
                 *       "tags": [
                 *         "drawing",
                 *         "t2"
                 *       ]
                 *     }
                 */
                "application/json": {
                    title?: string;
                    description?: string | null;
                    tags?: string[];
                    /** @enum {string} */
                    access?: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                    /** @enum {string} */
                    status?: "DRAFT" | "APPROVED" | "OBSOLETE";
                };
            };
        };
        responses: {
            /** @description The document as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        type: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                        title: string;
                        description: string | null;
                        tags: string[];
                        status: string;
                        statusBy: string | null;
                        statusAt: string | null;
                        /** @enum {string} */
                        access: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                        attachedTo: {
                            kind: string;
                            id: number | string;
                            row?: string;
                        };
                        version: number;
                        filename: string;
                        mediaType: string;
                        size: number;
                        sha256: string;
                        url: string;
                        uploadedBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        versions: {
                            version: number;
                            filename: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: string | null;
                            createdAt: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postDocumentsByIdVersions: {
        parameters: {
            query: {
                filename: string;
            };
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "image/gif": string;
                "image/tiff": string;
            };
        };
        responses: {
            /** @description The document with its new version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        type: "WORK_INSTRUCTION" | "SPECIFICATION" | "DRAWING" | "PHOTO" | "MANUAL" | "CERTIFICATE" | "OTHER";
                        title: string;
                        description: string | null;
                        tags: string[];
                        status: string;
                        statusBy: string | null;
                        statusAt: string | null;
                        /** @enum {string} */
                        access: "INTERNAL" | "RESTRICTED" | "CONFIDENTIAL";
                        attachedTo: {
                            kind: string;
                            id: number | string;
                            row?: string;
                        };
                        version: number;
                        filename: string;
                        mediaType: string;
                        size: number;
                        sha256: string;
                        url: string;
                        uploadedBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        versions: {
                            version: number;
                            filename: string;
                            mediaType: string;
                            size: number;
                            sha256: string;
                            uploadedBy: string | null;
                            createdAt: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentsByIdFile: {
        parameters: {
            query?: {
                /** @description true: Content-Disposition attachment (default inline) */
                download?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                    "image/jpeg": unknown;
                    "image/png": unknown;
                    "image/webp": unknown;
                    "image/gif": unknown;
                    "image/tiff": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentsByIdVersionsByVersionFile: {
        parameters: {
            query?: {
                /** @description true: Content-Disposition attachment (default inline) */
                download?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                    "image/jpeg": unknown;
                    "image/png": unknown;
                    "image/webp": unknown;
                    "image/gif": unknown;
                    "image/tiff": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNcrs: {
        parameters: {
            query?: {
                status?: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                severity?: "CRITICAL" | "MAJOR" | "MINOR";
                orderId?: number;
                orderItemId?: number;
                ownerId?: number;
                /** @description open at least this many days */
                olderThanDays?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The NCRs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ncrs: {
                            id: number;
                            orderId: number;
                            orderNumber: string;
                            orderItemId: number;
                            buildNumber: string;
                            inspectionId: number | null;
                            taskId: number | null;
                            rows: string[];
                            photoIds: number[];
                            /** @enum {string} */
                            severity: "CRITICAL" | "MAJOR" | "MINOR";
                            description: string;
                            /** @enum {string} */
                            status: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                            statusSince: string;
                            moves: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED")[];
                            owner: {
                                id: number;
                                username: string;
                            } | null;
                            disposition: ("REWORK" | "USE_AS_IS" | "SCRAP" | "RETURN_TO_SUPPLIER") | null;
                            correctiveAction: string | null;
                            dueDate: string | null;
                            verifiedByInspectionId: number | null;
                            version: number;
                            createdBy: string | null;
                            createdAt: string;
                            updatedAt: string;
                            history?: {
                                from: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED") | null;
                                /** @enum {string} */
                                to: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                                user: string | null;
                                note: string | null;
                                at: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNcrs: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "orderItemId": 1,
                 *       "severity": "MINOR",
                 *       "description": "Scratch on the left leg."
                 *     }
                 */
                "application/json": {
                    inspectionId?: number;
                    rows?: string[];
                    photoIds?: number[];
                    taskId?: number;
                    orderItemId?: number;
                    /** @enum {string} */
                    severity: "CRITICAL" | "MAJOR" | "MINOR";
                    description: string;
                    ownerId?: number;
                };
            };
        };
        responses: {
            /** @description The new NCR */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderId: number;
                        orderNumber: string;
                        orderItemId: number;
                        buildNumber: string;
                        inspectionId: number | null;
                        taskId: number | null;
                        rows: string[];
                        photoIds: number[];
                        /** @enum {string} */
                        severity: "CRITICAL" | "MAJOR" | "MINOR";
                        description: string;
                        /** @enum {string} */
                        status: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                        statusSince: string;
                        moves: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED")[];
                        owner: {
                            id: number;
                            username: string;
                        } | null;
                        disposition: ("REWORK" | "USE_AS_IS" | "SCRAP" | "RETURN_TO_SUPPLIER") | null;
                        correctiveAction: string | null;
                        dueDate: string | null;
                        verifiedByInspectionId: number | null;
                        version: number;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        history?: {
                            from: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED") | null;
                            /** @enum {string} */
                            to: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                            user: string | null;
                            note: string | null;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNcrsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The NCR */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderId: number;
                        orderNumber: string;
                        orderItemId: number;
                        buildNumber: string;
                        inspectionId: number | null;
                        taskId: number | null;
                        rows: string[];
                        photoIds: number[];
                        /** @enum {string} */
                        severity: "CRITICAL" | "MAJOR" | "MINOR";
                        description: string;
                        /** @enum {string} */
                        status: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                        statusSince: string;
                        moves: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED")[];
                        owner: {
                            id: number;
                            username: string;
                        } | null;
                        disposition: ("REWORK" | "USE_AS_IS" | "SCRAP" | "RETURN_TO_SUPPLIER") | null;
                        correctiveAction: string | null;
                        dueDate: string | null;
                        verifiedByInspectionId: number | null;
                        version: number;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        history?: {
                            from: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED") | null;
                            /** @enum {string} */
                            to: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                            user: string | null;
                            note: string | null;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchNcrsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "disposition": "REWORK",
                 *       "correctiveAction": "Polish and re-inspect."
                 *     }
                 */
                "application/json": {
                    /** @description or the If-Match header */
                    version?: number;
                    ownerId?: number | null;
                    disposition?: ("REWORK" | "USE_AS_IS" | "SCRAP" | "RETURN_TO_SUPPLIER") | null;
                    correctiveAction?: string | null;
                    dueDate?: string | null;
                    /** @enum {string} */
                    severity?: "CRITICAL" | "MAJOR" | "MINOR";
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The NCR as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderId: number;
                        orderNumber: string;
                        orderItemId: number;
                        buildNumber: string;
                        inspectionId: number | null;
                        taskId: number | null;
                        rows: string[];
                        photoIds: number[];
                        /** @enum {string} */
                        severity: "CRITICAL" | "MAJOR" | "MINOR";
                        description: string;
                        /** @enum {string} */
                        status: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                        statusSince: string;
                        moves: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED")[];
                        owner: {
                            id: number;
                            username: string;
                        } | null;
                        disposition: ("REWORK" | "USE_AS_IS" | "SCRAP" | "RETURN_TO_SUPPLIER") | null;
                        correctiveAction: string | null;
                        dueDate: string | null;
                        verifiedByInspectionId: number | null;
                        version: number;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        history?: {
                            from: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED") | null;
                            /** @enum {string} */
                            to: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                            user: string | null;
                            note: string | null;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNcrsByIdTransitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version you read, such as `"3"`; instead of, or equal to, the body’s `version`. Stale: 412; neither: 428. */
                "If-Match"?: string;
                /** @description Any unique string: a retry with the same key and body answers with the first success (`Idempotent-Replayed: true`); the same key with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "to": "IN_PROGRESS",
                 *       "note": "Rework started."
                 *     }
                 */
                "application/json": {
                    /** @description or the If-Match header */
                    version?: number;
                    /** @enum {string} */
                    to: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The NCR as moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        orderId: number;
                        orderNumber: string;
                        orderItemId: number;
                        buildNumber: string;
                        inspectionId: number | null;
                        taskId: number | null;
                        rows: string[];
                        photoIds: number[];
                        /** @enum {string} */
                        severity: "CRITICAL" | "MAJOR" | "MINOR";
                        description: string;
                        /** @enum {string} */
                        status: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                        statusSince: string;
                        moves: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED")[];
                        owner: {
                            id: number;
                            username: string;
                        } | null;
                        disposition: ("REWORK" | "USE_AS_IS" | "SCRAP" | "RETURN_TO_SUPPLIER") | null;
                        correctiveAction: string | null;
                        dueDate: string | null;
                        verifiedByInspectionId: number | null;
                        version: number;
                        createdBy: string | null;
                        createdAt: string;
                        updatedAt: string;
                        history?: {
                            from: ("OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED") | null;
                            /** @enum {string} */
                            to: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "VERIFIED" | "REJECTED";
                            user: string | null;
                            note: string | null;
                            at: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvents: {
        parameters: {
            query?: {
                /** @description the sequence number of the last event you have; 0 from the start */
                after?: number;
                /** @description event types, comma-separated, e.g. order.moved */
                type?: string;
                orderId?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            id: string;
                            sequence: number;
                            /** @enum {string} */
                            type: "order.created" | "order.updated" | "order.moved" | "order.item_added" | "order.item_replaced" | "order.item_removed" | "order.bom_frozen" | "order.shipped" | "order.delivered" | "bom.generated" | "inspection.submitted" | "document.uploaded" | "inspection.approved" | "ncr.opened" | "ncr.changed" | "task.status_changed" | "customer.created" | "customer.updated" | "catalog.imported" | "ruleset.imported" | "webhook.disabled";
                            timestamp: string;
                            actor: {
                                id: number;
                                username: string;
                            } | null;
                            orderId: number | null;
                            data: {
                                [key: string]: unknown;
                            };
                        }[];
                        next: number;
                        hasMore: boolean;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdExport: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        format: "torvan-erp-export/1";
                    } & {
                        [key: string]: unknown;
                    };
                    "text/csv": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not acceptable */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            /** @enum {string} */
                            status: "ACTIVE" | "PAUSED" | "DISABLED";
                            description: string | null;
                            failures: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/torvan",
                 *       "eventTypes": [
                 *         "order.created"
                 *       ],
                 *       "description": "ERP sync"
                 *     }
                 */
                "application/json": {
                    url: string;
                    /** @description event types, or ["*"] for every type */
                    eventTypes: ("*" | ("order.created" | "order.updated" | "order.moved" | "order.item_added" | "order.item_replaced" | "order.item_removed" | "order.bom_frozen" | "order.shipped" | "order.delivered" | "bom.generated" | "inspection.submitted" | "document.uploaded" | "inspection.approved" | "ncr.opened" | "ncr.changed" | "task.status_changed" | "customer.created" | "customer.updated" | "catalog.imported" | "ruleset.imported" | "webhook.disabled"))[];
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The subscription with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "ACTIVE" | "PAUSED" | "DISABLED";
                        description: string | null;
                        failures: number;
                        createdAt: string;
                        updatedAt: string;
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "ACTIVE" | "PAUSED" | "DISABLED";
                        description: string | null;
                        failures: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchWebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "PAUSED"
                 *     }
                 */
                "application/json": {
                    url?: string;
                    /** @description event types, or ["*"] for every type */
                    eventTypes?: ("*" | ("order.created" | "order.updated" | "order.moved" | "order.item_added" | "order.item_replaced" | "order.item_removed" | "order.bom_frozen" | "order.shipped" | "order.delivered" | "bom.generated" | "inspection.submitted" | "document.uploaded" | "inspection.approved" | "ncr.opened" | "ncr.changed" | "task.status_changed" | "customer.created" | "customer.updated" | "catalog.imported" | "ruleset.imported" | "webhook.disabled"))[];
                    description?: string | null;
                    /** @enum {string} */
                    status?: "ACTIVE" | "PAUSED";
                    /** @constant */
                    rotateSecret?: true;
                };
            };
        };
        responses: {
            /** @description The subscription as changed (with the new secret after rotateSecret) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "ACTIVE" | "PAUSED" | "DISABLED";
                        description: string | null;
                        failures: number;
                        createdAt: string;
                        updatedAt: string;
                        secret?: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhooksByIdDeliveries: {
        parameters: {
            query?: {
                status?: "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                /** @description a delivery id: older ones */
                before?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: number;
                            eventId: string;
                            eventType: string;
                            sequence: number;
                            /** @enum {string} */
                            status: "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                            attempts: number;
                            createdAt: string;
                            completedAt: string | null;
                            log: {
                                at: string;
                                url: string;
                                status: number | null;
                                durationMs: number;
                                response: string | null;
                                error: string | null;
                                instance: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhooksByIdDeliveriesByDeliveryIdRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                deliveryId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @constant */
                        status: "PENDING";
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExternalSystems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The systems */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        systems: {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            kind: "ERP" | "SHIPPING" | "DOCUMENT_MANAGEMENT" | "CRM" | "FINANCIAL";
                            baseUrl: string;
                            webhook: {
                                id: number;
                                url: string;
                                eventTypes: string[];
                                status: string;
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postExternalSystems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "ERP",
                 *       "kind": "ERP",
                 *       "baseUrl": "https://erp.example.com/api",
                 *       "eventTypes": [
                 *         "order.created"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "ERP" | "SHIPPING" | "DOCUMENT_MANAGEMENT" | "CRM" | "FINANCIAL";
                    /** @description where its events are posted */
                    baseUrl: string;
                    eventTypes: ("*" | ("order.created" | "order.updated" | "order.moved" | "order.item_added" | "order.item_replaced" | "order.item_removed" | "order.bom_frozen" | "order.shipped" | "order.delivered" | "bom.generated" | "inspection.submitted" | "document.uploaded" | "inspection.approved" | "ncr.opened" | "ncr.changed" | "task.status_changed" | "customer.created" | "customer.updated" | "catalog.imported" | "ruleset.imported" | "webhook.disabled"))[];
                };
            };
        };
        responses: {
            /** @description The system, with its webhook’s signing secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @enum {string} */
                        kind: "ERP" | "SHIPPING" | "DOCUMENT_MANAGEMENT" | "CRM" | "FINANCIAL";
                        baseUrl: string;
                        webhook: {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            status: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExternalSystemsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The system */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @enum {string} */
                        kind: "ERP" | "SHIPPING" | "DOCUMENT_MANAGEMENT" | "CRM" | "FINANCIAL";
                        baseUrl: string;
                        webhook: {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            status: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteExternalSystemsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchExternalSystemsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "ERP (production)"
                 *     }
                 */
                "application/json": {
                    name?: string;
                    baseUrl?: string;
                    eventTypes?: ("*" | ("order.created" | "order.updated" | "order.moved" | "order.item_added" | "order.item_replaced" | "order.item_removed" | "order.bom_frozen" | "order.shipped" | "order.delivered" | "bom.generated" | "inspection.submitted" | "document.uploaded" | "inspection.approved" | "ncr.opened" | "ncr.changed" | "task.status_changed" | "customer.created" | "customer.updated" | "catalog.imported" | "ruleset.imported" | "webhook.disabled"))[];
                };
            };
        };
        responses: {
            /** @description The system as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @enum {string} */
                        kind: "ERP" | "SHIPPING" | "DOCUMENT_MANAGEMENT" | "CRM" | "FINANCIAL";
                        baseUrl: string;
                        webhook: {
                            id: number;
                            url: string;
                            eventTypes: string[];
                            status: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppAssetsByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": unknown;
                    "text/css": unknown;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getModel: {
        parameters: {
            query?: {
                /** @description the product (default T2, the configurator page’s) */
                product?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model; 304 when If-None-Match names its ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: string;
                        catalogHash: string;
                        rulesetHash: string;
                        rulesetId: number;
                        rulesetVersion: number;
                        catalog: {
                            categories: unknown[];
                            subcategories: unknown[];
                            items: unknown[];
                        };
                        rules: {
                            product: {
                                file: string;
                                content: unknown;
                            };
                            numbers?: {
                                file: string;
                                content: unknown;
                            };
                            rules: {
                                file: string;
                                content: unknown;
                            }[];
                        };
                        /** @description only for users with financials:read */
                        priceList?: unknown;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The configuration is not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getModelCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cases files (at most 100); none when the service runs without the repository's rules folder */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: {
                            file: string;
                            content: unknown;
                        }[];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Permission denied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
