-- Tell the embedding worker about new documents.
create extension if not exists pg_net with schema extensions;

create or replace function public.notify_embedder() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform net.http_post(
    url := 'http://embedder.internal/jobs',
    body := jsonb_build_object('document_id', new.id)
  );
  return new;
end;
$$;

create trigger documents_embed after insert on public.documents
  for each row execute function public.notify_embedder();
