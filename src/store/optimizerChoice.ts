import { OPTIMIZER_KINDS, OPTIMIZER_REGISTRY, type Optimizer, type OptimizerKind } from '../engine';

/**
 * The optimizer menus' choices: the registry's optimizers, with Nesterov beside momentum (the same
 * optimizer with its look-ahead on, as torch.optim.SGD(nesterov=True) is).
 */
export type OptimizerChoice = OptimizerKind | 'nesterov';

export const OPTIMIZER_CHOICES: readonly { id: OptimizerChoice; name: string }[] =
  OPTIMIZER_KINDS.flatMap((kind) => {
    const own = { id: kind, name: OPTIMIZER_REGISTRY[kind].name };
    return kind === 'momentum' ? [own, { id: 'nesterov' as const, name: 'Nesterov' }] : [own];
  });

export function choiceOf(optimizer: Optimizer): OptimizerChoice {
  return optimizer.kind === 'momentum' && optimizer.nesterov ? 'nesterov' : optimizer.kind;
}

/**
 * The optimizer a choice stands for: the current one's hyper-parameters where it is the same
 * optimizer (momentum and Nesterov share μ), else the registry's defaults.
 */
export function optimizerFor(choice: OptimizerChoice, current: Optimizer): Optimizer {
  const kind: OptimizerKind = choice === 'nesterov' ? 'momentum' : choice;
  const base = current.kind === kind ? current : OPTIMIZER_REGISTRY[kind].defaults;
  if (base.kind !== 'momentum') return base;
  const { momentum } = base;
  return choice === 'nesterov'
    ? { kind: 'momentum', momentum, nesterov: true }
    : { kind: 'momentum', momentum };
}
