insert into public.entries (account, amount, memo) values
  ('cash', 100.00, 'first; deposit'),
  ('cash', -25.50, $memo$refund "begin"; end$memo$),
  ('fees', 2.50, null);

select public.bump('seeded');

do $body$
declare
  total numeric;
begin
  select public.balance('cash') into total;
  if total <> 74.50 then
    raise exception 'cash balance is %, expected 74.50', total;
  end if;
end
$body$;
