// every code an issue or a finding carries, in one place: a misspelt code is a type error

/**
 * Each code an {@link Issue} or a finding may carry, with what it means in one line. Codes are
 * snake_case like zod's; the ones zod reports are kept as zod spells them.
 */
const ISSUE_CODES = {
  // zod's own codes, passed through from a schema
  invalid_type: 'a value has the wrong type (a number where text belongs, …)',
  invalid_value: 'a value is not one of the values allowed here',
  invalid_format: 'text does not have the format asked for (a pattern, an email, …)',
  invalid_union: 'a value matches none of the forms this field takes',
  invalid_key: 'a key of a record is not a key the record takes',
  invalid_element: 'an element of a map or set is not one it takes',
  too_small: 'a number, text or list is below its minimum',
  too_big: 'a number, text or list is above its maximum',
  not_multiple_of: 'a number is not a multiple of the step asked for',
  unrecognized_keys:
    'an object has keys its schema does not know (reported per key as unknown_key)',
  custom: 'a refinement of a schema failed without naming a code of its own',

  // the shape of any document
  required: 'a value that must be given is missing',
  unknown_key: 'an object has a key its schema does not know',
  too_deep: 'a document nests deeper than the limits allow, and is checked no further',

  // files (catalog-loader)
  invalid_json: 'a file is not JSON (a syntax error, or empty)',
  duplicate_key: 'a JSON object names the same key twice',
  missing_file: 'a file to read does not exist',
  unreadable_file: 'a file exists but cannot be read',
  missing_directory: 'a directory to read does not exist',
  missing_schema: 'a file has no "$schema" naming the JSON Schema it follows',
  wrong_schema: 'a file names a JSON Schema that is not the one for its kind',
  missing_schema_file: 'the JSON Schema a file names is not where it says',
  unsupported_field: 'a catalog field holds a list or an object, which the catalog does not keep',
  count_mismatch: "a catalog file's metadata counts differ from what the file holds",
  odd_id: 'an id has white space or characters that need encoding in URLs; it is kept as written',
  invalid_shape: 'a catalog entry has a shape the catalog does not read',

  // the catalog
  duplicate_id: 'two items, categories or templates share one id',
  dangling_reference: 'a component names an id that is neither a part nor an assembly',
  self_reference: 'an assembly lists itself as a component',
  cycle: 'assemblies contain each other, so the BOM would never end',
  unknown_category: 'an item names a category the catalog does not have',
  unknown_subcategory: 'an item or category names a subcategory the catalog does not have',
  unused_part: 'a part is used by no assembly',
  invalid_quantity: 'a quantity is not a positive number',

  // a configuration, against the product model's options
  unknown_item: 'a configuration names an item the catalog does not have',
  item_not_allowed: 'a configuration names a catalog item this option does not allow',
  unknown_option: 'a configuration names an option the product model does not have',
  rule_failed: 'a rule found a problem with the configuration',

  // rule files and the product model
  unknown_fact: 'a rule names a fact the product does not have',
  unknown_path: 'a path into a fact names a key the fact does not have',
  not_a_list: 'a forEach iterates over a fact that is not a list',
  shadowed_fact: 'a derived fact or a forEach element takes the name of a fact or an option',
  fact_cycle: 'a derived fact depends on itself',
  unsupported:
    'a rule uses a json-rules-engine feature the configurator does not support (fact params)',
  invalid_path: 'a JSONPath into a fact does not parse',
  unknown_operator: 'a condition names an operator or decorator that does not exist',
  invalid_operator: 'an operator is used in a way it does not support',
  operand_type: "a condition's value has the wrong type for its operator",
  unknown_value: 'a condition compares a fact with a value the fact never takes',
  unknown_condition: 'a condition references a shared condition the file does not declare',
  condition_cycle: 'shared conditions reference each other in a cycle',
  malformed_condition: 'a condition is not of a form json-rules-engine reads',
  malformed_expression: 'an expression is not of a form the rule language reads',
  malformed_template: 'a template such as "T2-BASIN{basin.size}" does not parse',
  malformed_rule: 'a rule is not of a form the rule language reads',
  missing_event: 'a rule says nothing of what happens (no "event" or "events")',
  duplicate_rule: 'two rules share one name',
  unknown_rule: 'a name refers to a rule the ruleset does not have',
  unknown_rule_file: 'the product model lists a rule file that is not there',
  duplicate_rule_file: 'the product model lists one rule file twice',
  unknown_template: 'an event names a custom-part template that product.json does not declare',
  missing_field: 'a custom-part event does not give a spec field its template needs',
  custom_part_collision: 'two custom-part templates can make the same part id',
  priority_ignored: 'a rule sets a priority, which the rules do not use',
  conflicting_keys: 'an object gives two keys that exclude each other',
  limit_too_low: "a limit of the product model is below what the product's options need",
  impossible_condition: 'a condition can never hold, so its rule never fires',
  unreachable_rule: 'no configuration the options allow makes a rule fire',
  exclusive_items: 'two items that exclude each other can be in one BOM',
  open_template: 'a template can make part ids the catalog does not bound',
  malformed_case: 'a rule test case is not of the form a cases file takes',

  // QC templates, records and production tasks
  not_for_kind: 'a QC item has a field its kind does not take',
  missing_options: 'a CHOICE item repeated per basin lacks the options of a basin',
  duplicate_option: 'a CHOICE item lists one option twice',
  missing_expected: 'a tolerance has no expected value to be around',
  missing_option: 'a value an expected fact can take is not an option of its CHOICE item',
  not_per_basin: 'a per-basin field sits on a row that is not repeated per basin',
  basin_fact_outside_basin: 'a row not repeated per basin reads a fact of one basin',
  product_without_facts: 'a QC or task template is for a product that declares no facts',
  missing_procedure: 'a QC item has no procedure to follow',
  not_recordable: 'a value is recorded on a row that takes none',
  na_not_allowed: 'N/A is recorded on a row that does not allow it',
  unexpected_text: 'text is recorded with an option that takes none',
  unknown_task: 'a task depends on a task id that is not declared',
  duplicate_dependency: 'a task lists one dependency twice',
  dependency_cycle: 'tasks depend on each other in a cycle',
} as const satisfies Record<string, string>

/**
 * A stable snake_case code for what an issue or a finding is about, e.g. `unknown_fact`.
 *
 * @example const code: IssueCode = 'unknown_fact'
 */
export type IssueCode = keyof typeof ISSUE_CODES

/**
 * Whether a string is one of the {@link IssueCode}s, for codes that arrive untyped (a zod refinement's
 * `params.code`).
 */
export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(ISSUE_CODES, code)
}
