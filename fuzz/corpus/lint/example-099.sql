-- atlas:no-transaction
VACUUM notes;
