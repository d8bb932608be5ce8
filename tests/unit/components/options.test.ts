// @vitest-environment happy-dom
/**
 * The activation and loss menus list what the registries hold, each option labelled from its
 * record: the stepper's Network panel (every activation in each layer, every loss) and the Train
 * tab's hidden-activation menu (every activation that acts unit by unit).
 */
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArchitecturePanel } from '../../../src/components/controls/ArchitecturePanel';
import { NetworkPanel } from '../../../src/components/training/NetworkPanel';
import {
  ACTIVATION_REGISTRY,
  ACTIVATIONS,
  ELEMENTWISE_ACTIVATIONS,
  LOSS_REGISTRY,
  LOSSES,
} from '../../../src/engine';
import { createAppStore, type AppStore } from '../../../src/store';
import { AppStoreProvider } from '../../../src/store/context';

/** A panel's markup under a provider of this store. */
function markup(store: AppStore, panel: FunctionComponent): string {
  return renderToString(createElement(AppStoreProvider, { store, children: createElement(panel) }));
}

/** The options of each <select> in the markup, as [value, text] pairs. */
function selects(html: string): [string, string][][] {
  const probe = document.createElement('div');
  probe.innerHTML = html;
  return Array.from(probe.querySelectorAll('select')).map((select) =>
    Array.from(select.querySelectorAll('option')).map((o) => [o.value, o.textContent ?? '']),
  );
}

describe('the option lists derive from the registries', () => {
  it('the stepper offers every activation in each layer, every loss and every optimizer', () => {
    const store = createAppStore();
    const html = markup(store, ArchitecturePanel);
    const menus = selects(html);
    const layers = store.getState().network.layers.length;
    expect(menus).toHaveLength(layers + 2);
    expect(menus[layers + 1]).toEqual([
      ['sgd', 'SGD'],
      ['momentum', 'Momentum'],
      ['nesterov', 'Nesterov'],
      ['rmsprop', 'RMSProp'],
      ['adam', 'Adam'],
    ]);
    const activationOptions = ACTIVATIONS.map((a) => [a, ACTIVATION_REGISTRY[a].label]);
    for (const menu of menus.slice(0, layers)) expect(menu).toEqual(activationOptions);
    expect(menus[layers]).toEqual(LOSSES.map((l) => [l, LOSS_REGISTRY[l].label]));
    expect(activationOptions.map(([, label]) => label)).toEqual(
      expect.arrayContaining(['ELU (α = 1)', 'swish z·σ(z) (SiLU)']),
    );
  });

  it('the Train tab offers every elementwise activation for the hidden layers', () => {
    const store = createAppStore();
    const html = markup(store, NetworkPanel);
    const hidden = selects(html).find((menu) => menu.some(([value]) => value === 'tanh'));
    expect(hidden).toEqual(ELEMENTWISE_ACTIVATIONS.map((a) => [a, ACTIVATION_REGISTRY[a].label]));
    expect(hidden?.map(([value]) => value)).toEqual(expect.arrayContaining(['elu', 'swish']));
  });
});
