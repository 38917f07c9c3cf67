GRANT INSERT ON public.feedback TO authenticated;
