DROP DATABASE atlas_staging;
