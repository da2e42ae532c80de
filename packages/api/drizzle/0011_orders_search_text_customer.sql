-- orders.search_text is "number PO customer name": the order search (src/orders/search.ts) matches the
-- customer part through the customers table, so a renamed customer's orders follow its new name
CREATE FUNCTION orders_follow_customer_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE orders SET search_text = concat_ws(' ', number, nullif(po_number, ''), nullif(NEW.name, ''))
  WHERE customer_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER customers_name_follows_orders AFTER UPDATE OF name ON customers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION orders_follow_customer_name();--> statement-breakpoint
UPDATE orders o SET search_text = concat_ws(' ', o.number, nullif(o.po_number, ''), nullif(c.name, ''))
FROM customers c
WHERE c.id = o.customer_id
  AND o.search_text IS DISTINCT FROM concat_ws(' ', o.number, nullif(o.po_number, ''), nullif(c.name, ''));
