// The Mantine component styles only signed-in screens use (forms, stepper, timeline, bell): loaded with
// their lazy chunks, not in the public pages' first load (main.tsx has the rest).
import '@mantine/core/styles/InlineInput.css'; // the label beside a checkbox, radio or switch
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/Stepper.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/Indicator.css';
import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/Switch.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/RadioIndicator.css';
