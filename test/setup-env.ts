// n8n's logger is noisy at info level; tests read run data, not logs.
process.env.N8N_LOG_LEVEL = 'silent';
