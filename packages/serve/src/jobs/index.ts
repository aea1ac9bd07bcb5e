export { type JobContext, JobManager, type JobResult } from "./job-manager.ts";
export { startTrainJob, type TrainJobDeps, type TrainJobRequest } from "./train-job.ts";
