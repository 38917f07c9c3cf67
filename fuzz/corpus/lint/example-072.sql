GRANT INSERT, UPDATE ON public.feedback TO anon;
