import { RuleViolationError, type Tiyn, sumTiyn } from '@hub/kernel';

/**
 * F-55: the contract states the amount the recipient pays (fixed at signing, F-56); the Fund invoices
 * it in one or more invoices per the contract's payment order, never more in total. Cancelled invoices
 * do not count.
 */
export function assertInvoiceWithinContractPrice(input: { contractPriceTiyn: Tiyn; invoicedTiyn: readonly Tiyn[]; newInvoiceTiyn: Tiyn }): void {
  const total = sumTiyn([...input.invoicedTiyn, input.newInvoiceTiyn]);
  if (total > input.contractPriceTiyn) {
    const left = input.contractPriceTiyn - sumTiyn(input.invoicedTiyn);
    throw new RuleViolationError('F-55', `the invoices would exceed the contract amount: ${Math.max(left, 0)} tiyn is left to invoice`, {
      field: 'amountTiyn',
    });
  }
}
