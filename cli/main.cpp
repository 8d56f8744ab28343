// poa: the command line over poa_job.
int main() { return 0; }
