import type { Config } from '../config.ts'
import type { FlowRegistry } from './route-to-flow.ts'
import { understandByRules } from './understanding/rule-understanding.ts'
import { smalltalkFlow } from './handlers/smalltalk-flow.ts'
import { clinicInfoFlow } from './handlers/clinic-info-flow.ts'
import { createInsuranceFlow } from './handlers/insurance-flow.ts'
import { appointmentFlow } from './handlers/appointment-flow.ts'
import { medicationFlow } from './handlers/medication-flow.ts'
import { triageFlow } from './handlers/triage-flow.ts'
import type { Understander } from './flow-context.ts'

/** Every flow of the dialogue and the understanding in front of them. */
export function createFlowRegistry (_options: { config: Config, understand?: Understander }): FlowRegistry {
  const understand: Understander = _options.understand ?? (async (input) => ({ ...understandByRules(input), source: 'rules' }))
  return {
    understand,
    handlers: {
      triage: triageFlow,
      insurance: createInsuranceFlow('insurance'),
      billing: createInsuranceFlow('billing'),
      appointment: appointmentFlow,
      medication: medicationFlow,
      clinic_info: clinicInfoFlow,
      smalltalk: smalltalkFlow
    }
  }
}
