export { KdTree } from "./kd-tree.ts";
